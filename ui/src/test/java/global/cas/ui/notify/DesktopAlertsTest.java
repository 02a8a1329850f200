package global.cas.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which desktop notifications are used, and the command lines that reach the freedesktop service. */
class DesktopAlertsTest {
    @TempDir
    Path bin;

    private Path program(String name) throws Exception {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    @DisplayName("without a session bus there is no freedesktop service, whatever is on the PATH")
    void noBus() throws Exception {
        program("notify-send");
        assertThat(DesktopAlerts.freedesktop(Map.of("PATH", bin.toString()), Runnable::run, "CAS Wallet"))
                .isEmpty();
    }

    @Test
    @DisplayName("with a session bus: notify-send when on the PATH, else gdbus, else none")
    void clients() throws Exception {
        Map<String, String> env =
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1/bus", "PATH", bin.toString());
        assertThat(DesktopAlerts.freedesktop(env, Runnable::run, "CAS Wallet")).isEmpty();
        program("gdbus");
        assertThat(DesktopAlerts.freedesktop(env, Runnable::run, "CAS Wallet"))
                .get()
                .satisfies(a -> assertThat(
                                ((FreedesktopAlerts) a).command("t", "b").get(1))
                        .isEqualTo("call"));
        program("notify-send");
        FreedesktopAlerts a = (FreedesktopAlerts)
                DesktopAlerts.freedesktop(env, Runnable::run, "CAS Wallet").orElseThrow();
        assertThat(a.command("6 blocks mined, 150 CAS", "Blocks 12–17"))
                .containsExactly(
                        bin.resolve("notify-send").toString(),
                        "--app-name=CAS Wallet",
                        "--expire-time=8000",
                        "--",
                        "6 blocks mined, 150 CAS",
                        "Blocks 12–17");
        a.show("t", "b"); // the stand-in exits 0: the service stays on
        assertThat(a.available()).isTrue();
    }

    @Test
    @DisplayName("a client that fails turns desktop notifications off for the run")
    void failingClient() throws Exception {
        Path p = bin.resolve("notify-send");
        Files.writeString(p, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        FreedesktopAlerts a =
                new FreedesktopAlerts(FreedesktopAlerts.Client.NOTIFY_SEND, p, "CAS Wallet", Runnable::run);
        a.show("t", "b");
        assertThat(a.available()).isFalse();
    }

    @Test
    @DisplayName("gdbus gets its texts as GVariant strings, quotes and backslashes escaped")
    void gvariantQuoting() {
        assertThat(FreedesktopAlerts.variantString("it's a\\b")).isEqualTo("'it\\'s a\\\\b'");
        FreedesktopAlerts a = new FreedesktopAlerts(
                FreedesktopAlerts.Client.GDBUS, Path.of("/usr/bin/gdbus"), "CAS Wallet", Runnable::run);
        assertThat(a.command("收到 3 笔付款，40 CAS", "区块 9–11"))
                .containsSubsequence(
                        "--method=org.freedesktop.Notifications.Notify",
                        "'CAS Wallet'",
                        "0",
                        "''",
                        "'收到 3 笔付款，40 CAS'",
                        "'区块 9–11'",
                        "[]",
                        "{}",
                        "8000");
    }
}
