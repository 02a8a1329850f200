package global.cas.app.wallet;

import com.google.inject.Inject;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.Terminal;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cas wallet password}: re-encrypts the wallet file under a new password. The keys, the
 * addresses and the recovery words stay the same. The file is replaced atomically, so an
 * interrupted change leaves the old file whole.
 */
@Command(
        name = "password",
        mixinStandardHelpOptions = true,
        description = "Changes the wallet password (the keys and recovery words stay the same).")
public final class WalletPasswordCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Option(
            names = "--new-password-file",
            paramLabel = "<file>",
            description =
                    "Read the new password from the first line of this file (for scripts); else it is asked twice.")
    private Path newPasswordFile;

    @Inject
    WalletPasswordCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException {
        KeystoreFile file = wallet.open(keystore, common);
        char[] current = password.existing(terminal);
        char[] next = null;
        try (UnlockedWallet unlocked = file.unlock(current)) {
            unlocked.topUpPool();
            next = newPassword();
            unlocked.changePassword(next);
        } finally {
            Arrays.fill(current, '\0');
            if (next != null) {
                Arrays.fill(next, '\0');
            }
        }
        terminal.out().println("The wallet password of " + file.path() + " is changed.");
        terminal.out().flush();
        return 0;
    }

    private char[] newPassword() {
        return newPasswordFile == null
                ? PasswordOptions.askTwice(terminal, "nothing was changed", "give --new-password-file <file>")
                : PasswordOptions.fromFile(newPasswordFile);
    }
}
