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
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cas wallet words}: shows the recovery words again, after the wallet password, for a
 * person making (or checking) their paper backup. Says so when a mnemonic passphrase is also
 * needed, without showing it.
 */
@Command(
        name = "words",
        mixinStandardHelpOptions = true,
        description =
                "Shows the wallet's 24 recovery words (asks for the password). Anyone who sees them can take the coins.")
public final class WalletWordsCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Inject
    WalletWordsCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException {
        KeystoreFile file = wallet.open(keystore, common);
        char[] pw = password.existing(terminal);
        List<String> words;
        boolean passphrase;
        try (UnlockedWallet unlocked = file.unlock(pw)) {
            unlocked.topUpPool();
            words = unlocked.mnemonic().words();
            passphrase = !unlocked.passphrase().isEmpty();
        } finally {
            Arrays.fill(pw, '\0');
        }
        if (!terminal.canShow(String.join(" ", words))) {
            throw new CliException(
                    "USAGE",
                    "This terminal cannot show the recovery words' characters; use a UTF-8 terminal (e.g. LANG=C.UTF-8).");
        }
        PrintWriter out = terminal.out();
        WalletCreateCommand.printWords(out, words);
        out.flush();
        PrintWriter err = terminal.err();
        err.println("Anyone who sees these words can take the wallet's coins: keep them on paper, offline.");
        if (passphrase) {
            err.println("This wallet also uses a mnemonic passphrase (not shown): restoring needs it too.");
        }
        err.flush();
        return 0;
    }
}
