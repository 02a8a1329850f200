package global.cas.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.CasCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cas --wallet <file>}: the desktop program opens that wallet file. Its own class, so its own
 * JVM (JavaFX starts once per JVM; the app module forks one JVM per test class).
 */
class DesktopWalletRunTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "--wallet opens that wallet file in the window: every wallet screen, backup and security included, is drawn over it")
    void opensTheNamedWallet() throws Exception {
        Path data = dir.resolve("data");
        Path password = dir.resolve("pw");
        Files.writeString(password, "desktop test\n");
        CasCli.Result restored = CasCli.run(
                "wallet",
                "restore",
                "--datadir",
                data.toString(),
                "--wallet",
                "faucet.wallet",
                "--words",
                global.cas.wallet.keys.DevnetAccounts.MNEMONIC,
                "--password-file",
                password.toString());
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        Path shots = dir.resolve("shots");
        CasCli.Result r = CasCli.run(
                "--datadir",
                data.toString(),
                "--wallet",
                "faucet.wallet",
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--screenshots",
                shots.toString(),
                "--password-file",
                password.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(shots.resolve("firstrun-en.png"))
                .as("no first run: the wallet exists")
                .doesNotExist();
        for (String screen :
                java.util.List.of("overview", "send", "receive", "transactions", "addressBook", "security")) {
            assertThat(shots.resolve(screen + "-en.png")).exists();
            assertThat(shots.resolve(screen + "-zh.png")).exists();
        }
        assertThat(data.resolve("wallets").resolve("default.wallet")).doesNotExist();
    }
}
