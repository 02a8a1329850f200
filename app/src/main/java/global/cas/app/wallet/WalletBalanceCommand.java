package global.cas.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import global.cas.crypto.Address;
import global.cas.ledger.Amounts;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.WalletInfo;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cas wallet balance}: each address's CAS balance from the running node ({@code
 * address_balance}), one a line ({@code <address>  <amount> CAS}; addresses of the pool derived
 * ahead only when they hold something), then {@code total  <amount> CAS}. Needs no password.
 */
@Command(
        name = "balance",
        mixinStandardHelpOptions = true,
        description = "Shows the CAS balance of every address of the wallet, from the running node.")
public final class WalletBalanceCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private RpcOption rpc;

    @Mixin
    private WalletFileOption wallet;

    @Inject
    WalletBalanceCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException {
        WalletInfo info = wallet.open(keystore, common).info();
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
            long total = 0;
            java.util.List<Address> handedOut = info.allAddresses();
            for (Address a : info.watchedAddresses()) {
                String text = a.encode(info.network());
                JsonNode r = node.rpc().call("address_balance", Map.of("address", text));
                long balance = r.path("balance").asLong();
                total = Amounts.add(total, balance);
                // an address of the pool derived ahead shows only once it holds something
                if (handedOut.contains(a) || balance != 0) {
                    terminal.out().printf("%s  %s CAS%n", text, Amounts.format(balance));
                }
            }
            terminal.out().printf("total  %s CAS%n", Amounts.format(total));
            terminal.out().flush();
        }
        return 0;
    }
}
