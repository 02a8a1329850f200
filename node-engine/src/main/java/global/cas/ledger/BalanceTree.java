package global.cas.ledger;

import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.statetree.StateTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The balances (L2) as an authenticated {@link StateTree}: key SHA-256("CAS balance" ‖ address ‖
 * asset), value SHA-256(address ‖ asset ‖ amount), zero balances absent. Its root is part of the
 * ledger module's root, so "this address holds this much" is proven against a block header alone
 * (the vote weights of G2 are balances). Thread-safe (stateless); the trees it changes are not.
 */
public final class BalanceTree {
    private static final byte[] KEY_DOMAIN = "CAS balance".getBytes(StandardCharsets.US_ASCII);

    private BalanceTree() {}

    /** The tree key of a balance. */
    public static Hash key(BalanceKey k) {
        return Hash.sha256(KEY_DOMAIN, k.owner().bytes(), k.asset().storageKey());
    }

    /** The tree value of a balance of {@code amount}. */
    public static Hash value(BalanceKey k, long amount) {
        Encoder e = new Encoder(64);
        e.address(k.owner());
        k.asset().encode(e);
        e.u64(amount);
        return Hash.sha256(e.toBytes());
    }

    /** Sets each changed balance in {@code tree} (removing those that became zero). */
    public static void apply(StateTree tree, Map<BalanceKey, Long> changes) {
        for (Map.Entry<BalanceKey, Long> e : changes.entrySet()) {
            if (e.getValue() == 0) {
                tree.remove(key(e.getKey()));
            } else {
                tree.put(key(e.getKey()), value(e.getKey(), e.getValue()));
            }
        }
    }

    /** The tree of all {@code balances} (non-zero ones), built in one pass at start. */
    public static StateTree build(Map<BalanceKey, Long> balances) {
        List<Map.Entry<Hash, Hash>> entries = new ArrayList<>(balances.size());
        balances.forEach((k, v) -> {
            if (v != 0) {
                entries.add(Map.entry(key(k), value(k, v)));
            }
        });
        StateTree t = StateTree.build(entries);
        t.root();
        return t;
    }
}
