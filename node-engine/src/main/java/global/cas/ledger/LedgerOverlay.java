package global.cas.ledger;

import global.cas.crypto.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pending changes on top of a base view, so a block (or a single transaction) can be tried and
 * thrown away without touching the base: the base changes only when the resulting {@link
 * LedgerDelta} is applied. Every balance change is told to the {@link BalanceListener}.
 * Transactions are validated completely before they are applied, so an application never fails
 * half way. Not thread-safe: used on the chain thread.
 */
public final class LedgerOverlay implements LedgerView {
    private final LedgerView base;
    private final BalanceListener listener;
    private final Map<OutputRef, UnspentOutput> created = new LinkedHashMap<>();
    private final Map<OutputRef, UnspentOutput> spent = new LinkedHashMap<>();
    private final Map<BalanceKey, Long> balances = new HashMap<>();
    private final Map<OutputRef, ColouredOutput> coloured = new LinkedHashMap<>();
    private final Map<Address, Owner> owners = new LinkedHashMap<>();
    /** Every output spent through this overlay, including those it created itself. */
    private final Set<OutputRef> spentHere = new HashSet<>();

    public LedgerOverlay(LedgerView base) {
        this(base, BalanceListener.NONE);
    }

    public LedgerOverlay(LedgerView base, BalanceListener listener) {
        this.base = base;
        this.listener = listener;
    }

    @Override
    public Optional<UnspentOutput> unspent(OutputRef ref) {
        if (spent.containsKey(ref)) {
            return Optional.empty();
        }
        UnspentOutput c = created.get(ref);
        return c != null ? Optional.of(c) : base.unspent(ref);
    }

    @Override
    public long balance(Address owner, AssetId asset) {
        Long v = balances.get(new BalanceKey(owner, asset));
        return v != null ? v : base.balance(owner, asset);
    }

    @Override
    public Optional<ColouredOutput> coloured(OutputRef ref) {
        ColouredOutput c = coloured.get(ref);
        return c != null ? Optional.of(c) : base.coloured(ref);
    }

    @Override
    public Owner owner(Address address) {
        Owner o = owners.get(address);
        return o != null ? o : base.owner(address);
    }

    /** The base's unspent outputs of {@code owner} not spent here, then those created here, oldest first. */
    @Override
    public List<UnspentOutput> unspentOf(Address owner) {
        List<UnspentOutput> out = new ArrayList<>();
        for (UnspentOutput u : base.unspentOf(owner)) {
            if (!spent.containsKey(u.ref())) {
                out.add(u);
            }
        }
        for (UnspentOutput u : created.values()) {
            if (u.output().owner().equals(owner) && !spent.containsKey(u.ref())) {
                out.add(u);
            }
        }
        out.sort(java.util.Comparator.comparingLong(UnspentOutput::storageId));
        return out;
    }

    /** The base's committed tree: an overlay's own balances are in {@link #delta()}. */
    @Override
    public global.cas.statetree.StateTree balanceTree() {
        return base.balanceTree();
    }

    /** Spends an unspent output and debits its owner (L1, L2). */
    public void spend(UnspentOutput u) {
        spentHere.add(u.ref());
        // an output created and spent in the same block stays in both lists, so storage keeps it
        // (spent outputs are kept forever, L1) and the state root covers both facts
        spent.put(u.ref(), u);
        adjust(u.output().owner(), u.output().asset(), -u.output().amount());
    }

    /** Creates an output and credits its owner. */
    public void create(UnspentOutput u) {
        created.put(u.ref(), u);
        adjust(u.output().owner(), u.output().asset(), u.output().amount());
    }

    /** Keeps a consumed amount as a coloured output (L3); no balance holds it. */
    public void colour(ColouredOutput c) {
        coloured.put(c.ref(), c);
    }

    /** Registers (or changes) an authority or a contract account. */
    public void register(Owner o) {
        owners.put(o.address(), o);
    }

    private void adjust(Address owner, AssetId asset, long delta) {
        BalanceKey k = new BalanceKey(owner, asset);
        long now = balance(owner, asset);
        long next = Amounts.add(now, delta);
        if (next < 0) {
            throw new IllegalStateException("balance would go negative for " + k + ": ledger corrupted");
        }
        balances.put(k, next);
        listener.balanceChanged(owner, asset, now, next);
    }

    /** True when {@code ref} was spent through this overlay (an earlier transaction of the same block). */
    public boolean spentHere(OutputRef ref) {
        return spentHere.contains(ref);
    }

    public LedgerDelta delta() {
        return new LedgerDelta(
                new ArrayList<>(created.values()),
                new ArrayList<>(spent.values()),
                balances,
                new ArrayList<>(coloured.values()),
                owners);
    }

    public List<UnspentOutput> createdSoFar() {
        return List.copyOf(created.values());
    }
}
