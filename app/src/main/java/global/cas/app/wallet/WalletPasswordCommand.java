package global.cas.app.wallet;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.Terminal;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        if (newPasswordFile == null) {
            char[] first = terminal.askSecret("New wallet password: ").orElseThrow(WalletPasswordCommand::noConsole);
            char[] second =
                    terminal.askSecret("The same password again: ").orElseThrow(WalletPasswordCommand::noConsole);
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException("PASSWORD_MISMATCH", "The two passwords differ; nothing was changed.");
            }
            return nonEmpty(first);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(newPasswordFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("NOT_FOUND", "There is no password file " + newPasswordFile + ".");
        } catch (IOException e) {
            throw new CliException(
                    "IO_ERROR", "Cannot read the password file " + newPasswordFile + ": " + e.getMessage() + ".");
        }
        return nonEmpty(lines.isEmpty() ? new char[0] : lines.get(0).toCharArray());
    }

    private static char[] nonEmpty(char[] password) {
        if (password.length == 0) {
            throw new CliException("EMPTY_PASSWORD", "The new wallet password cannot be empty; nothing was changed.");
        }
        return password;
    }

    private static CliException noConsole() {
        return CliException.usage("No console to ask the new password on: give --new-password-file.");
    }
}
