package global.cas.node;

import global.cas.chain.ChainState;
import global.cas.chain.ChainTip;
import global.cas.crypto.Address;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerState;
import global.cas.ledger.OutputRef;
import global.cas.ledger.UnspentOutput;
import java.util.Map;
import java.util.Optional;

/**
 * The committed chain at one height, as a reader sees it inside {@link Node#read}: the tip, the
 * module state and the ledger together, never a block half applied. Valid only during the read
 * that received it; not to be kept or handed to another thread.
 */
public final class ChainView {
    private final ChainState state;
    private final LedgerState ledger;

    ChainView(ChainState state, LedgerState ledger) {
        this.state = state;
        this.ledger = ledger;
    }

    public ChainTip tip() {
        return state.tip();
    }

    public long height() {
        return state.tip().height();
    }

    /** The parameters, validators and last commit of this height, with the tip. */
    public ChainState state() {
        return state;
    }

    /** The governance module's committed state (sections 5–7). */
    public global.cas.governance.GovernanceState governance() {
        return state.governance();
    }

    /** The committed ledger, read-only, for this read only. */
    public global.cas.ledger.LedgerView ledger() {
        return ledger;
    }

    public long balance(Address owner, AssetId asset) {
        return ledger.balance(owner, asset);
    }

    public Optional<UnspentOutput> unspent(OutputRef ref) {
        return ledger.unspent(ref);
    }

    /** The committed balances' tree (fork it before use). */
    global.cas.statetree.StateTree balanceTree() {
        return ledger.balanceTree();
    }

    /** Every non-zero balance (L2), read-only. */
    public Map<BalanceKey, Long> balances() {
        return ledger.balances();
    }
}
