package global.cas.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.CasCli;
import global.cas.chain.Genesis;
import global.cas.crypto.Network;
import global.cas.node.ChainVerifier;
import global.cas.node.DevnetInstanceFile;
import global.cas.store.h2.H2ChainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole desktop program on JavaFX's Headless glass platform: {@code cas} opens the window with its node
 * beside it, shows the first run, writes its screenshots, closes itself like a person closing the
 * window, and leaves a cleanly closed chain behind.
 */
class DesktopRunTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "the window opens over a starting node and closing it shuts the node down cleanly: a restart finds every block whole")
    void opensAndClosesCleanly() throws Exception {
        Path data = dir.resolve("data");
        Path shots = dir.resolve("shots");
        CasCli.Result r = CasCli.run(
                "--datadir",
                data.toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--screenshots",
                shots.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(shots.resolve("firstrun-en.png")).exists();
        assertThat(shots.resolve("firstrun-zh.png")).exists();
        assertThat(Files.size(shots.resolve("firstrun-zh.png"))).isGreaterThan(1000);
        assertThat(data.resolve("rpc.port"))
                .as("the RPC server was closed with the node")
                .doesNotExist();
        try (H2ChainStore store = H2ChainStore.open(data)) {
            assertThat(store.tip().orElseThrow().height()).isPositive();
            assertThat(new ChainVerifier(DevnetInstanceFile.params(
                                    Genesis.bundled(Network.DEVNET), data, true, new java.security.SecureRandom()))
                            .verify(store)
                            .difference())
                    .isEmpty();
        }
    }
}
