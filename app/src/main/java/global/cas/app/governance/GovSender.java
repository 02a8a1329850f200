package global.cas.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import global.cas.app.wallet.WalletFileOption;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.KeyPair;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcJson;
import global.cas.wallet.TransferBuilder;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every {@code cas gov} action shares: the wallet, its password, the acting address ({@code
 * --from}, the wallet's first address by default), and the sending: a transaction of the action
 * alone, its fee from that address's own outputs (at least the proposal fee for a proposal), the
 * rest back to it, submitted with {@code tx_send}. Prints the transaction id.
 */
public final class GovSender {
    static final long EXPIRY_BLOCKS = 600;

    @Mixin
    CommonOptions common;

    @Mixin
    RpcOption rpc;

    @Mixin
    WalletFileOption wallet;

    @Mixin
    PasswordOptions password;

    @Option(
            names = "--from",
            paramLabel = "<address>",
            description = "The wallet address that acts and pays the fee (default: the wallet's first address).")
    String from;

    /** Signs {@code action} with the acting address and sends it; returns the transaction id. */
    String send(Terminal terminal, Keystore keystore, GovernanceAction action, long minimumFee) throws IOException {
        KeystoreFile file = wallet.open(keystore, common);
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
            long rate = node.chainInfo().path("minFeePerByte").asLong();
            long fee = minimumFee;
            if (action instanceof global.cas.ledger.ProposalPosting) {
                // G30: at least the posting fee the chain asks now
                fee = Math.max(
                        fee,
                        Long.parseLong(node.rpc()
                                .call("gov_info")
                                .path("params")
                                .path("proposalFee")
                                .asText("0")));
            }
            char[] pw = password.existing(terminal);
            Transaction tx;
            try (UnlockedWallet unlocked = file.unlock(pw)) {
                unlocked.topUpPool();
                KeyPair actor = actor(unlocked);
                List<UnspentOutput> spendable = new ArrayList<>();
                for (JsonNode o : node.rpc()
                        .callAll(
                                "address_outputs",
                                Map.of("address", actor.address().encode(common.network()), "limit", 1000),
                                "outputs")) {
                    spendable.add(RpcJson.readOutput(o, common.network()));
                }
                tx = new TransferBuilder(node.chainId(), rate)
                        .act(spendable, actor, action, fee, node.height() + EXPIRY_BLOCKS);
            } finally {
                Arrays.fill(pw, '\0');
            }
            JsonNode sent = node.rpc().call("tx_send", Map.of("raw", Bytes.hex(tx.encoded())));
            String id = sent.path("id").asText();
            terminal.out().println(id);
            terminal.out().flush();
            return id;
        }
    }

    private KeyPair actor(UnlockedWallet unlocked) {
        Optional<Address> wanted = Optional.ofNullable(from).map(f -> GovArguments.address(f, common.network()));
        for (AccountInfo a : unlocked.info().accounts()) {
            for (int i = 0; i < a.derived().size(); i++) {
                if (wanted.isEmpty() || a.derived().get(i).equals(wanted.get())) {
                    return unlocked.key(a.index(), i);
                }
            }
        }
        throw new CliException(Reason.NOT_FOUND, "The wallet has no address " + from + ".");
    }
}
