package global.cas.app.wallet;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.Terminal;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cas wallet new-account}: adds the wallet's next account (its own branch of keys, e.g. to
 * keep business and savings apart) with its first address. Balances and sending cover every
 * account; {@code addresses --new --account n} derives more addresses in one.
 */
@Command(
        name = "new-account",
        mixinStandardHelpOptions = true,
        description = "Adds an account to the wallet, with its first address (asks for the password).")
public final class WalletAccountCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Option(
            names = "--label",
            paramLabel = "<name>",
            description = "The account's name (default: Account <n>), at most " + AccountInfo.MAX_LABEL_LENGTH
                    + " characters.")
    private String label;

    @Inject
    WalletAccountCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException {
        KeystoreFile file = wallet.open(keystore, common);
        String name =
                label != null ? label : "Account " + file.info().accounts().size();
        try {
            AccountInfo.checkLabel(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--label: " + e.getMessage() + ".");
        }
        char[] pw = password.existing(terminal);
        AccountInfo added;
        try (UnlockedWallet unlocked = file.unlock(pw)) {
            unlocked.topUpPool();
            added = unlocked.addAccount(name);
        } finally {
            Arrays.fill(pw, '\0');
        }
        terminal.out()
                .printf(
                        "account %d (%s): %s%n",
                        added.index(), added.label(), added.addresses().get(0).encode(file.network()));
        terminal.out().flush();
        return 0;
    }
}
