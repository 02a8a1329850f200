package global.cas.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Action;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds signed CAS transfers: picks unspent outputs largest first until they cover the payments
 * and the fee, sends the rest back as change, and sizes the fee to the exact encoded size at the
 * chosen rate (S6). Thread-safe (immutable).
 */
public final class TransferBuilder {
    private final String chainId;
    private final long feePerByte;

    public TransferBuilder(String chainId, long feePerByte) {
        if (feePerByte < 0) {
            throw new IllegalArgumentException("fee rate must not be negative");
        }
        this.chainId = chainId;
        this.feePerByte = feePerByte;
    }

    /**
     * Pays {@code payments} from {@code spendable} (owned by keys in {@code keys}), change to {@code
     * change}.
     *
     * @throws RejectedException {@code INSUFFICIENT_FUNDS}, {@code NON_POSITIVE_AMOUNT}
     */
    public Transaction pay(
            List<UnspentOutput> spendable,
            Map<Address, KeyPair> keys,
            List<TxOutput> payments,
            Address change,
            long expiryHeight) {
        long wanted = 0;
        for (TxOutput p : payments) {
            if (p.amount() <= 0) {
                throw new RejectedException(Reason.NON_POSITIVE_AMOUNT, "The amount must be greater than zero.");
            }
            if (!p.asset().isCas()) {
                throw new IllegalArgumentException("token transfers are built by the token wallet");
            }
            wanted = Amounts.add(wanted, p.amount());
        }
        List<UnspentOutput> coins = casCoins(spendable, keys);
        long fee = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            long need = Amounts.add(wanted, fee);
            List<UnspentOutput> chosen = new ArrayList<>();
            long sum = 0;
            for (UnspentOutput u : coins) {
                if (sum >= need) {
                    break;
                }
                chosen.add(u);
                sum = Amounts.add(sum, u.output().amount());
            }
            if (sum < need) {
                throw insufficient(total(coins), need);
            }
            List<TxOutput> outs = new ArrayList<>(payments);
            long rest = sum - need;
            if (rest > 0) {
                outs.add(new TxOutput(change, AssetId.CAS, rest));
            }
            Transaction t = sign(chosen, outs, fee, keys, expiryHeight);
            long required = Amounts.multiply(feePerByte, t.size());
            if (fee >= required) {
                return t;
            }
            fee = required;
        }
        throw new IllegalStateException("fee did not converge");
    }

    /** Sends everything spendable to {@code to}, less the fee ("max"). */
    public Transaction sweep(List<UnspentOutput> spendable, Map<Address, KeyPair> keys, Address to, long expiryHeight) {
        List<UnspentOutput> coins = casCoins(spendable, keys);
        long total = total(coins);
        long fee = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            if (total - fee <= 0) {
                throw insufficient(total, fee + 1);
            }
            Transaction t = sign(coins, List.of(new TxOutput(to, AssetId.CAS, total - fee)), fee, keys, expiryHeight);
            long required = Amounts.multiply(feePerByte, t.size());
            if (fee >= required) {
                return t;
            }
            fee = required;
        }
        throw new IllegalStateException("fee did not converge");
    }

    /**
     * A transaction of {@code action} acted by {@code actor} alone (a governance action): its fee,
     * at least {@code minimumFee} and the rate times the exact size, paid from the actor's own CAS
     * outputs, largest first, with all the rest back to the actor, so its balance falls only by
     * the fee.
     *
     * @throws RejectedException {@code INSUFFICIENT_FUNDS}
     */
    public Transaction act(
            List<UnspentOutput> spendable, KeyPair actor, Action action, long minimumFee, long expiryHeight) {
        List<UnspentOutput> coins = casCoins(spendable, Map.of(actor.address(), actor));
        long fee = minimumFee;
        for (int attempt = 0; attempt < 8; attempt++) {
            List<UnspentOutput> chosen = new ArrayList<>();
            long sum = 0;
            for (UnspentOutput u : coins) {
                if (sum > fee) {
                    break;
                }
                chosen.add(u);
                sum = Amounts.add(sum, u.output().amount());
            }
            if (sum < fee || chosen.isEmpty()) {
                throw insufficient(total(coins), Math.max(fee, 1));
            }
            List<TxOutput> outs =
                    sum > fee ? List.of(new TxOutput(actor.address(), AssetId.CAS, sum - fee)) : List.of();
            Transaction t = new Transaction.Unsigned(
                            chainId,
                            expiryHeight,
                            chosen.stream().map(UnspentOutput::ref).toList(),
                            outs,
                            fee,
                            action)
                    .sign(List.of(actor));
            long required = Math.max(minimumFee, Amounts.multiply(feePerByte, t.size()));
            if (fee >= required) {
                return t;
            }
            fee = required;
        }
        throw new IllegalStateException("fee did not converge");
    }

    private static List<UnspentOutput> casCoins(List<UnspentOutput> spendable, Map<Address, KeyPair> keys) {
        return spendable.stream()
                .filter(u -> u.output().asset().isCas()
                        && keys.containsKey(u.output().owner()))
                .sorted(Comparator.comparingLong((UnspentOutput u) -> u.output().amount())
                        .reversed()
                        .thenComparingLong(UnspentOutput::storageId))
                .limit(Transaction.MAX_INPUTS)
                .toList();
    }

    private static long total(List<UnspentOutput> coins) {
        long s = 0;
        for (UnspentOutput u : coins) {
            s = Amounts.add(s, u.output().amount());
        }
        return s;
    }

    private Transaction sign(
            List<UnspentOutput> inputs, List<TxOutput> outs, long fee, Map<Address, KeyPair> keys, long expiry) {
        List<OutputRef> refs = inputs.stream().map(UnspentOutput::ref).toList();
        List<KeyPair> signers = inputs.stream()
                .map(u -> keys.get(u.output().owner()))
                .distinct()
                .toList();
        return Transfer.unsigned(chainId, expiry, refs, outs, fee).sign(signers);
    }

    private static RejectedException insufficient(long available, long needed) {
        return new RejectedException(
                Reason.INSUFFICIENT_FUNDS,
                "The wallet can spend " + Amounts.format(available) + " CAS but this needs " + Amounts.format(needed)
                        + " CAS including the fee.");
    }
}
