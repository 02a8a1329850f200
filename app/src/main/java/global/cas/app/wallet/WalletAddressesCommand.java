package global.cas.app.wallet;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.Terminal;
import global.cas.crypto.Address;
import global.cas.rejection.Reason;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import global.cas.wallet.keys.WalletInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cas wallet addresses}: lists the wallet's addresses, one a line ({@code <address>
 * account <n> (<label>), index <i>}), without the password; {@code --new} hands out the next one
 * from the pool derived ahead (no password), or when the pool is used up asks for the password to
 * derive more.
 */
@Command(
        name = "addresses",
        mixinStandardHelpOptions = true,
        description = "Lists the wallet's addresses; --new hands out the next one (asks for the password only when the"
                + " addresses derived ahead are used up).")
public final class WalletAddressesCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Option(names = "--new", description = "Derive and list one more address.")
    private boolean derive;

    @Option(names = "--account", paramLabel = "<n>", description = "The account for --new (default: 0).")
    private int account;

    @Inject
    WalletAddressesCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException {
        KeystoreFile file = wallet.open(keystore, common);
        WalletInfo info = file.info();
        Optional<Address> added = Optional.empty();
        if (derive) {
            if (info.account(account).isEmpty()) {
                throw new CliException(
                        Reason.NOT_FOUND,
                        "The wallet has no account " + account + "; it has "
                                + info.accounts().size() + ".");
            }
            // from the pool derived ahead, without the password; an empty pool asks for it to derive more
            Optional<KeystoreFile> issued = file.issueAddress(account);
            if (issued.isPresent()) {
                info = issued.get().info();
                List<Address> handedOut = info.accounts().get(account).addresses();
                added = Optional.of(handedOut.get(handedOut.size() - 1));
            } else {
                char[] pw = password.existing(terminal);
                try (UnlockedWallet unlocked = file.unlock(pw)) {
                    added = Optional.of(unlocked.addAddress(account));
                    info = unlocked.info();
                } finally {
                    Arrays.fill(pw, '\0');
                }
            }
        }
        for (AccountInfo a : info.accounts()) {
            for (int i = 0; i < a.addresses().size(); i++) {
                Address address = a.addresses().get(i);
                terminal.out()
                        .printf(
                                "%s  account %d (%s), index %d%s%n",
                                address.encode(info.network()),
                                a.index(),
                                a.label(),
                                i,
                                added.filter(address::equals).isPresent() ? "  (new)" : "");
            }
        }
        terminal.out().flush();
        return 0;
    }
}
