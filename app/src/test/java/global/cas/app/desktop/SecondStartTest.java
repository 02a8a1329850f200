package global.cas.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.CasCli;
import global.cas.node.DataDirLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second start of the desktop on a data folder that is already open never opens a second,
 * half-built window: the running window is brought to the front, or one message says what holds
 * the folder.
 */
class SecondStartTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a second start on a folder whose window is open brings that window to the front and opens none")
    void bringsTheRunningWindowToTheFront() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        DataDirLock held = DataDirLock.acquire(dir);
        WindowFocusSignal window = WindowFocusSignal.listen(dir, asked::countDown);
        try {
            CasCli.Result r = CasCli.run("--datadir", dir.toString(), "--rpc-port", "0", "--lang", "en");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("already open with the data folder").contains("brought to the front");
            assertThat(asked.await(10, TimeUnit.SECONDS))
                    .as("the window was asked")
                    .isTrue();
            assertThat(Files.exists(dir.resolve("chain.mv.db")))
                    .as("no second node opened the chain")
                    .isFalse();
        } finally {
            window.close();
            held.close();
        }
    }

    @Test
    @DisplayName(
            "a second start on a folder a windowless node holds says so in one translated sentence, with ALREADY_OPEN")
    void saysWhichProgramHoldsTheFolder() throws Exception {
        DataDirLock held = DataDirLock.acquire(dir);
        try {
            CasCli.Result r = CasCli.run("--datadir", dir.toString(), "--rpc-port", "0", "--lang", "zh");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).startsWith("error: ALREADY_OPEN: ").contains("没有窗口的 CAS 节点");
            assertThat(r.err()).doesNotContain("Exception");
        } finally {
            held.close();
        }
    }

    @Test
    @DisplayName(
            "the window's signal file is removed when it closes, so a later start is not sent to a window that is gone")
    void signalRemovedOnClose() {
        WindowFocusSignal window = WindowFocusSignal.listen(dir, () -> {});
        assertThat(dir.resolve(WindowFocusSignal.FILE)).exists();
        window.close();
        assertThat(dir.resolve(WindowFocusSignal.FILE)).doesNotExist();
        assertThat(WindowFocusSignal.request(dir)).isFalse();
    }
}
