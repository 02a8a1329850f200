package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.node.query.NodeQueries;
import global.cas.node.query.TipSummary;
import global.cas.wallet.TransferBuilder;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.UnlockedWallet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the transfer of a {@link SendRequest} from the wallet's spendable outputs with {@link
 * TransferBuilder}, and applies the screen's own rule that the fee may not exceed the amount.
 * Blocking (node reads, signing): call off the FX thread. Stateless.
 */
final class SendPlanner {
    /** How many blocks a transfer stays valid, as the command line's {@code send}. */
    static final long EXPIRY_BLOCKS = 600;

    private SendPlanner() {}

    /** The signed transfer and what it does. */
    record Plan(Quote quote, Transaction transfer, Map<global.cas.ledger.OutputRef, UnspentOutput> spendable) {}

    /**
     * Builds and signs the transfer with {@code keys}; change goes to {@code change}.
     *
     * @throws global.cas.rejection.RejectedException {@code INSUFFICIENT_FUNDS} and the builder's
     *     other reasons
     * @throws WalletRefusal {@link WalletRefusal#FEE_ABOVE_AMOUNT}
     */
    static Plan plan(NodeQueries node, Map<Address, KeyPair> keys, Address change, SendRequest r) {
        List<UnspentOutput> spendable = new ArrayList<>();
        for (Address a : keys.keySet()) {
            spendable.addAll(node.spendableOutputs(a));
        }
        TipSummary tip = node.tipSummary();
        TransferBuilder builder = new TransferBuilder(tip.chainId(), r.feePerByte());
        long expiry = tip.height() + EXPIRY_BLOCKS;
        Transaction t = r.max()
                ? builder.sweep(spendable, keys, r.to(), expiry)
                : pay(node, builder, spendable, keys, r, change, expiry);
        long amount = r.max() ? t.outputs().get(0).amount() : r.amount();
        if (t.fee() > amount) {
            throw new WalletRefusal(WalletRefusal.FEE_ABOVE_AMOUNT, Amounts.format(t.fee()), Amounts.format(amount));
        }
        Map<global.cas.ledger.OutputRef, UnspentOutput> byRef = new java.util.HashMap<>();
        spendable.forEach(u -> byRef.put(u.ref(), u));
        return new Plan(new Quote(r, amount, t.fee(), t.size(), t.inputs().size()), t, byRef);
    }

    /**
     * G4, G8: pays from the wallet's addresses that hold no committee seat and no standing
     * candidacy when they can cover it, so an ordinary payment never costs a seat; else from all
     * (the review then warns, {@link StakeRisk}).
     */
    private static Transaction pay(
            NodeQueries node,
            TransferBuilder builder,
            List<UnspentOutput> spendable,
            Map<Address, KeyPair> keys,
            SendRequest r,
            Address change,
            long expiry) {
        List<TxOutput> out = List.of(new TxOutput(r.to(), AssetId.CAS, r.amount()));
        var g = node.governance();
        java.util.Set<Address> governed = new java.util.HashSet<>();
        g.committee().stream().filter(s -> s.standing().equals("active")).forEach(s -> governed.add(s.address()));
        g.election().candidates().stream()
                .filter(c -> c.standing().equals("active"))
                .forEach(c -> governed.add(c.address()));
        List<UnspentOutput> free = spendable.stream()
                .filter(u -> !governed.contains(u.output().owner()))
                .toList();
        if (free.size() < spendable.size()) {
            try {
                return builder.pay(free, keys, out, change, expiry);
            } catch (global.cas.rejection.RejectedException e) {
                if (e.reason() != global.cas.rejection.Reason.INSUFFICIENT_FUNDS) {
                    throw e;
                }
            }
        }
        return builder.pay(spendable, keys, out, change, expiry);
    }

    /**
     * Stand-in keys for working out a quote without the password: one distinct key per address, so
     * the transfer has as many witnesses, hence as many bytes, as the real one.
     */
    static Map<Address, KeyPair> standIns(List<Address> addresses) {
        Map<Address, KeyPair> keys = new LinkedHashMap<>();
        for (Address a : addresses) {
            keys.put(a, KeyPair.fromSeed(Hash.sha256(a.bytes()).bytes()));
        }
        return keys;
    }

    /** The real keys of every listed address of the wallet. */
    static Map<Address, KeyPair> keys(UnlockedWallet wallet) {
        Map<Address, KeyPair> keys = new LinkedHashMap<>();
        for (AccountInfo a : wallet.info().accounts()) {
            for (int i = 0; i < a.derived().size(); i++) {
                keys.put(a.derived().get(i), wallet.key(a.index(), i));
            }
        }
        return keys;
    }
}
