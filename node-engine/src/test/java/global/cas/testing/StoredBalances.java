package global.cas.testing;

import global.cas.crypto.Hash;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerState;
import global.cas.store.ChainStore;
import java.util.HashMap;
import java.util.Map;

/**
 * The balances a chain store implies: the store keeps none of its own, they are the sums of its
 * unspent outputs (L2), and the tip's balances root commits to them.
 */
public final class StoredBalances {
    private StoredBalances() {}

    /** Every non-zero balance, summed from the store's unspent outputs. */
    public static Map<BalanceKey, Long> of(ChainStore store) {
        return new HashMap<>(loaded(store).balances());
    }

    /** The root of the balances' tree built from them, to compare with the tip's. */
    public static Hash root(ChainStore store) {
        LedgerState state = loaded(store);
        state.rebuildBalanceTree();
        return state.balanceTree().root();
    }

    private static LedgerState loaded(ChainStore store) {
        LedgerState state = new LedgerState();
        store.forEachUnspent(state::load);
        state.recountBalances();
        return state;
    }
}
