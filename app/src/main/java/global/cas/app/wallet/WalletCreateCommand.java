package global.cas.app.wallet;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.Terminal;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.UnlockedWallet;
import global.cas.wallet.keys.WordList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cas wallet create}: a new wallet with 24 recovery words, shown once. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Creates a wallet with 24 new recovery words, shown only this once: write them down.",
            "The wallet password encrypts the file on this computer; the optional --passphrase is part of the keys."
        })
public final class WalletCreateCommand implements Callable<Integer> {
    /** Word list languages on the command line. */
    public enum WordLanguage {
        EN(Language.ENGLISH),
        ZH(Language.CHINESE_SIMPLIFIED);

        private final Language language;

        WordLanguage(Language language) {
            this.language = language;
        }

        public Language language() {
            return language;
        }
    }

    private final Terminal terminal;
    private final Keystore keystore;
    private final SecureRandom random;

    @Mixin
    private CommonOptions common;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Option(
            names = "--language",
            paramLabel = "en|zh",
            description = "Language of the recovery words: en or zh (default: en).")
    private WordLanguage language = WordLanguage.EN;

    @Option(
            names = "--passphrase",
            paramLabel = "<text>",
            description =
                    "Optional mnemonic passphrase (BIP39 '25th word'): restoring will need it as well as the words.")
    private String passphrase = "";

    @Inject
    WalletCreateCommand(Terminal terminal, Keystore keystore, SecureRandom random) {
        this.terminal = terminal;
        this.keystore = keystore;
        this.random = random;
    }

    @Override
    public Integer call() throws IOException {
        Path file = wallet.newPath(common);
        Mnemonic mnemonic = Mnemonic.generate(WordList.load(language.language()), random);
        if (!terminal.canShow(String.join(" ", mnemonic.words()))) {
            throw new CliException(
                    "USAGE",
                    "This terminal cannot show the " + language.language().displayName()
                            + " words: set a UTF-8 locale (e.g. LANG=C.UTF-8) and try again.");
        }
        char[] pw = password.fresh(terminal);
        try (UnlockedWallet created = keystore.create(file, mnemonic, passphrase, pw, common.network())) {
            PrintWriter out = terminal.out();
            out.println("Your 24 recovery words. Write them down in this order and keep them offline: they are shown");
            out.println("only now, and whoever has them owns the wallet.");
            out.println();
            printWords(out, mnemonic.words());
            out.println();
            if (!passphrase.isEmpty()) {
                out.println(
                        "This wallet also has a mnemonic passphrase: restoring it needs the words and the passphrase.");
            }
            out.printf(
                    "Wallet saved to %s (%s). First address: %s%n",
                    file,
                    common.network().id(),
                    created.info().allAddresses().get(0).encode(common.network()));
            out.flush();
        } finally {
            Arrays.fill(pw, '\0');
        }
        return 0;
    }

    /** Four numbered words a line. */
    static void printWords(PrintWriter out, List<String> words) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            line.append(String.format("%3d. %-10s", i + 1, words.get(i)));
            if (i % 4 == 3 || i == words.size() - 1) {
                out.println(line.toString().stripTrailing());
                line.setLength(0);
            }
        }
    }
}
