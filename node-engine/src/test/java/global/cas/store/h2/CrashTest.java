package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ChainTip;
import global.cas.crypto.Hash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing process (SIGKILL, as {@code kill -9}) and reopens what it left. */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    @DisplayName(
            "A killed node loses no committed block and keeps nothing of a half-written one (one H2 transaction per block)")
    void killedWriterLosesNothingCommitted() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriter.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String ready = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith(CrashingWriter.READY)) {
                    ready = line;
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ready).as("the writer's output: %s", output).isNotNull();
        String[] words = ready.split(" ");
        long committedHeight = Long.parseLong(words[1]);
        Hash committedHash = Hash.fromHex(words[2]);

        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ChainTip tip = store.tip().orElseThrow();
            assertThat(tip.height()).isEqualTo(committedHeight).isEqualTo(2);
            assertThat(tip.hash()).isEqualTo(committedHash);
            assertThat(store.block(2)).isPresent();
            assertThat(store.block(3)).isEmpty();
            assertThat(store.block(CrashingWriter.HALF_WRITTEN_HEIGHT)).isEmpty();
            List<Long> unspentIds = new ArrayList<>();
            store.forEachUnspent(u -> unspentIds.add(u.storageId()));
            assertThat(unspentIds).doesNotContain(Long.MAX_VALUE);
            assertThat(global.cas.testing.StoredBalances.of(store)).isNotEmpty();
            assertThat(global.cas.testing.StoredBalances.root(store))
                    .isEqualTo(tip.roots().balances());
        }
    }
}
