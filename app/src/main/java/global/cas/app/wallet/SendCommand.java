package global.cas.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.PasswordOptions;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcException;
import global.cas.rpc.RpcJson;
import global.cas.wallet.PaymentRequest;
import global.cas.wallet.TransferBuilder;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import global.cas.wallet.keys.WalletInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cas send}: pays CAS from the wallet. Checks the address and amount first, then unlocks the
 * wallet, reads the spendable outputs of every wallet address from the node ({@code
 * address_outputs}), builds a signed transfer (largest outputs first, change to the wallet's first
 * address, fee = rate x exact size) and submits it ({@code tx_send}). Prints the transaction id;
 * with {@code --wait}, waits until it is committed and prints the height.
 */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = "Sends CAS from the wallet to an address and prints the transaction id.")
public final class SendCommand implements Callable<Integer> {
    /** Blocks a transfer stays valid for (L4). */
    static final long EXPIRY_BLOCKS = 600;
    /** Outputs asked for per address_outputs call: the node's largest page. */
    static final int OUTPUTS_PAGE = 1000;

    private final Terminal terminal;
    private final Keystore keystore;

    @Mixin
    private CommonOptions common;

    @Mixin
    private RpcOption rpc;

    @Mixin
    private WalletFileOption wallet;

    @Mixin
    private PasswordOptions password;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "<address>",
            description = "The address to pay, or a cas: payment link (its amount is used when --amount is not given).")
    private String to;

    @Option(
            names = "--amount",
            paramLabel = "<CAS>",
            description = "How much, in CAS with up to 8 decimals (e.g. 12.5).")
    private String amount;

    @Option(names = "--max", description = "Send everything the wallet can spend, less the fee (instead of --amount).")
    private boolean max;

    @Option(
            names = "--fee-rate",
            paramLabel = "<units/byte>",
            description = "Fee in base units per byte (default: the chain's minimum).")
    private Long feeRate;

    @Option(names = "--wait", description = "Wait until the transfer is in a block and print the height.")
    private boolean await;

    @Option(
            names = "--wait-seconds",
            paramLabel = "<s>",
            defaultValue = "120",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    private long waitSeconds;

    @Option(
            names = "--accept-seat-loss",
            description = "Send even when it takes one of the wallet's addresses below the 10,000 CAS its committee"
                    + " seat or candidacy needs (it loses it in that block, G4, G8).")
    private boolean acceptSeatLoss;

    @Inject
    SendCommand(Terminal terminal, Keystore keystore) {
        this.terminal = terminal;
        this.keystore = keystore;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PaymentRequest request = PaymentRequest.parse(to, common.network());
        Address recipient = request.address();
        boolean amountGiven = amount != null || (!max && request.amount().isPresent());
        if (max == amountGiven) {
            throw CliException.usage("Give either --amount <CAS> or --max.");
        }
        long units = max
                ? 0
                : amount != null ? Amounts.parse(amount) : request.amount().getAsLong();
        if (feeRate != null && feeRate < 0) {
            throw CliException.usage("--fee-rate cannot be negative.");
        }
        KeystoreFile file = wallet.open(keystore, common);
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
            long rate = feeRate != null
                    ? feeRate
                    : node.chainInfo().path("minFeePerByte").asLong();
            char[] pw = password.existing(terminal);
            Transaction transfer;
            try (UnlockedWallet unlocked = file.unlock(pw)) {
                // whenever the wallet is unlocked: derive addresses ahead for a locked 'addresses --new'
                unlocked.topUpPool();
                transfer = build(node, unlocked, recipient, units, rate);
            } finally {
                Arrays.fill(pw, '\0');
            }
            if (!acceptSeatLoss) {
                SeatGuard.check(node, transfer, spent, common.network());
            }
            JsonNode sent = node.rpc().call("tx_send", Map.of("raw", Bytes.hex(transfer.encoded())));
            String id = sent.path("id").asText();
            terminal.out().println(id);
            terminal.out().flush();
            if (await) {
                long height = waitForCommit(node, id);
                terminal.out().printf("committed at height %d%n", height);
                terminal.out().flush();
            }
        }
        return 0;
    }

    /** The wallet's spendable outputs, as the last {@link #build} read them. */
    private final List<UnspentOutput> spent = new ArrayList<>();

    private Transaction build(
            NodeConnection.Connected node, UnlockedWallet unlocked, Address recipient, long units, long rate) {
        WalletInfo info = unlocked.info();
        Map<Address, KeyPair> keys = new LinkedHashMap<>();
        for (AccountInfo a : info.accounts()) {
            for (int i = 0; i < a.derived().size(); i++) {
                keys.put(a.derived().get(i), unlocked.key(a.index(), i));
            }
        }
        List<UnspentOutput> spendable = spent;
        spendable.clear();
        for (Address a : keys.keySet()) {
            // every page of the address's outputs (the node answers at most a page per call)
            for (JsonNode o : node.rpc()
                    .callAll(
                            "address_outputs",
                            Map.of("address", a.encode(common.network()), "limit", OUTPUTS_PAGE),
                            "outputs")) {
                spendable.add(RpcJson.readOutput(o, common.network()));
            }
        }
        TransferBuilder builder = new TransferBuilder(node.chainId(), rate);
        long expiry = node.height() + EXPIRY_BLOCKS;
        Address change = info.allAddresses().get(0);
        if (!max) {
            // G4, G8: pay from addresses that hold no seat and no candidacy when they can cover it
            java.util.Set<Address> held = SeatGuard.governed(node, common.network());
            List<UnspentOutput> free = spendable.stream()
                    .filter(u -> !held.contains(u.output().owner()))
                    .toList();
            if (free.size() < spendable.size()) {
                try {
                    return builder.pay(
                            free, keys, List.of(new TxOutput(recipient, AssetId.CAS, units)), change, expiry);
                } catch (global.cas.rejection.RejectedException e) {
                    if (e.reason() != Reason.INSUFFICIENT_FUNDS) {
                        throw e;
                    }
                }
            }
        }
        return max
                ? builder.sweep(spendable, keys, recipient, expiry)
                : builder.pay(spendable, keys, List.of(new TxOutput(recipient, AssetId.CAS, units)), change, expiry);
    }

    private long waitForCommit(NodeConnection.Connected node, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        while (true) {
            JsonNode tx;
            try {
                tx = node.rpc().call("chain_transaction", Map.of("id", id));
            } catch (RpcException e) {
                if (e.code() == RpcException.NOT_FOUND) {
                    throw new CliException(
                            Reason.EXPIRED,
                            "Transaction " + id
                                    + " left the mempool without being committed (it expired or was replaced).");
                }
                throw e;
            }
            if (tx.path("status").asText().equals("committed")) {
                return tx.path("height").asLong();
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(
                        "TIMEOUT",
                        "Transaction " + id + " is still pending after " + waitSeconds + " s; check later with 'cas tx "
                                + id + "'.");
            }
            Thread.sleep(100);
        }
    }
}
