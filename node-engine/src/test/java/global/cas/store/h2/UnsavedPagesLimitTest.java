package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.h2.H2Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsavedPagesLimitTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("An eighth of the heap, at most 256 MiB, never below H2's own limit")
    void limit() {
        int h2 = 19 << 20;
        assertThat(UnsavedPagesLimit.limitFor(6L << 30, h2)).isEqualTo(UnsavedPagesLimit.MAX_BYTES);
        assertThat(UnsavedPagesLimit.limitFor(1L << 30, h2)).isEqualTo(128 << 20);
        assertThat(UnsavedPagesLimit.limitFor(64L << 20, h2)).isEqualTo(h2);
    }

    @Test
    @DisplayName("A file database of H2 2.3 takes the raised limit (H2 then writes a full block's pages once)")
    void raisesH2sLimit() throws Exception {
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("chain") + ";WRITE_DELAY=0;COMPRESS=TRUE", H2Files.USER, "")) {
            MVStore store = FileCompactor.fileStoreOf(c);
            int before = store.getAutoCommitMemory();
            UnsavedPagesLimit.raise(store, "the test file");
            int expected = UnsavedPagesLimit.limitFor(Runtime.getRuntime().maxMemory(), before);
            assertThat(store.getAutoCommitMemory()).isEqualTo(expected);
            assertThat(expected).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    @DisplayName("A memory database is left alone")
    void memory() {
        UnsavedPagesLimit.raise(null, "memory");
    }
}
