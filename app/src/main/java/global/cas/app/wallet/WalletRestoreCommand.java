package global.cas.app.wallet;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.Terminal;
import global.cas.rejection.Reason;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.UnlockedWallet;
import global.cas.wallet.keys.WordLists;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cas wallet restore}: a wallet file from existing recovery words. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restores a wallet from its recovery words (English or Chinese, found out from the words).",
            "The words come from --words, else from the console, else from the first line of standard input",
            "(before the password line when --password-stdin is also given)."
        })
public final class WalletRestoreCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Option(
            names = "--words",
            paramLabel = "<phrase>",
            description = "The recovery words, in one argument (quote them).")
    private String words;

    @Option(
            names = "--passphrase",
            paramLabel = "<text>",
            description = "The mnemonic passphrase, if the wallet had one.")
    private String passphrase = "";

    @Inject
    WalletRestoreCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException {
        Path file = wallet.newPath(common);
        Mnemonic mnemonic = WordLists.loadAll().parse(phrase());
        char[] pw = password.fresh(terminal);
        try (UnlockedWallet restored = keystore.restore(file, mnemonic, passphrase, pw, common.network())) {
            terminal.out()
                    .printf(
                            "Wallet restored to %s (%s, %d %s words). First address: %s%n"
                                    + "Its first %d addresses are watched, so payments made to them before show up.%n",
                            file,
                            common.network().id(),
                            mnemonic.wordCount(),
                            mnemonic.language().displayName(),
                            restored.info().allAddresses().get(0).encode(common.network()),
                            restored.info().watchedAddresses().size());
            terminal.out().flush();
        } finally {
            Arrays.fill(pw, '\0');
        }
        return 0;
    }

    private String phrase() {
        if (words != null) {
            return words;
        }
        if (terminal.interactive() && !password.fromStdin()) {
            return terminal.askLine("Recovery words: ").orElse("");
        }
        return terminal.readLine()
                .orElseThrow(() -> new CliException(
                        Reason.BAD_MNEMONIC, "No recovery words were given (use --words or standard input)."));
    }
}
