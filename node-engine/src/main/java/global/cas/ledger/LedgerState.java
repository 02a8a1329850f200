package global.cas.ledger;

import global.cas.crypto.Address;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The hot ledger state in memory: every unspent output and every balance. The store is the truth;
 * this cache is rebuilt from it on start and changed only by {@link #apply} on the chain thread,
 * after the block's database transaction committed. Reads are safe from any thread (a reader may
 * see a block half applied in memory, never in storage).
 */
public final class LedgerState implements LedgerView {
    private final Map<OutputRef, UnspentOutput> unspent = new ConcurrentHashMap<>();
    private final Map<BalanceKey, Long> balances = new ConcurrentHashMap<>();
    /**
     * Unspent outputs by owner, ordered by storage id, so a wallet's coins are found without scanning
     * every output and a page of them is read without copying the others.
     */
    private final Map<Address, ConcurrentSkipListMap<Long, UnspentOutput>> byOwner = new ConcurrentHashMap<>();

    private final Map<OutputRef, ColouredOutput> coloured = new ConcurrentHashMap<>();
    private final Map<Address, Owner> owners = new ConcurrentHashMap<>();
    /** The committed balances' tree, root computed; replaced whole after each block. */
    private volatile global.cas.statetree.StateTree balanceTree = BalanceTree.build(Map.of());

    @Override
    public Optional<UnspentOutput> unspent(OutputRef ref) {
        return Optional.ofNullable(unspent.get(ref));
    }

    @Override
    public long balance(Address owner, AssetId asset) {
        return balances.getOrDefault(new BalanceKey(owner, asset), 0L);
    }

    @Override
    public Optional<ColouredOutput> coloured(OutputRef ref) {
        return Optional.ofNullable(coloured.get(ref));
    }

    @Override
    public Owner owner(Address address) {
        Owner o = owners.get(address);
        return o != null ? o : new Owner.Key(address);
    }

    @Override
    public global.cas.statetree.StateTree balanceTree() {
        return balanceTree;
    }

    /**
     * Takes {@code tree} as the committed balances' tree: the one the block's execution made from
     * this state's tree and the block's balance changes (so it is not hashed twice).
     */
    public void adoptBalanceTree(global.cas.statetree.StateTree tree) {
        tree.root();
        balanceTree = tree;
    }

    /** Builds the balances' tree from the loaded balances (at start). */
    public void rebuildBalanceTree() {
        balanceTree = BalanceTree.build(balances);
    }

    /** Every registered authority and contract. */
    public java.util.Collection<Owner> registeredOwners() {
        return java.util.Collections.unmodifiableCollection(owners.values());
    }

    /** Every coloured output (L3). */
    public java.util.Collection<ColouredOutput> allColoured() {
        return java.util.Collections.unmodifiableCollection(coloured.values());
    }

    /** Adds a coloured output while loading from storage. */
    public void loadColoured(ColouredOutput c) {
        coloured.put(c.ref(), c);
    }

    /** Registers an owner while loading from storage. */
    public void loadOwner(Owner o) {
        owners.put(o.address(), o);
    }

    public void apply(LedgerDelta delta) {
        delta.coloured().forEach(this::loadColoured);
        delta.owners().values().forEach(this::loadOwner);
        // created first: an output created and spent in the same block ends up gone
        for (UnspentOutput u : delta.created()) {
            add(u);
        }
        for (UnspentOutput u : delta.spent()) {
            // the stored entry has the storage id the owner index is keyed by
            UnspentOutput stored = unspent.remove(u.ref());
            if (stored == null) {
                continue;
            }
            byOwner.computeIfPresent(stored.output().owner(), (a, m) -> {
                m.remove(stored.storageId());
                return m.isEmpty() ? null : m;
            });
        }
        delta.balances().forEach((k, v) -> {
            if (v == 0) {
                balances.remove(k);
            } else {
                balances.put(k, v);
            }
        });
    }

    /** Adds an output while loading from storage. */
    public void load(UnspentOutput u) {
        add(u);
    }

    private void add(UnspentOutput u) {
        unspent.put(u.ref(), u);
        byOwner.compute(u.output().owner(), (a, m) -> {
            ConcurrentSkipListMap<Long, UnspentOutput> mine = m == null ? new ConcurrentSkipListMap<>() : m;
            mine.put(u.storageId(), u);
            return mine;
        });
    }

    /** Sets a balance while loading from storage. */
    public void loadBalance(BalanceKey key, long value) {
        balances.put(key, value);
    }

    /**
     * Sets every balance to the sum of the loaded unspent outputs of its owner and asset (L2), after
     * loading them from storage, which keeps no balances of its own.
     *
     * @throws ArithmeticException when a sum passes 2^63 - 1 (damaged data: the supply cap is far below)
     */
    public void recountBalances() {
        balances.clear();
        for (UnspentOutput u : unspent.values()) {
            balances.merge(
                    new BalanceKey(u.output().owner(), u.output().asset()),
                    u.output().amount(),
                    Math::addExact);
        }
        balances.values().removeIf(v -> v == 0);
    }

    /** Unspent outputs of one owner, oldest first (from the owner index). */
    @Override
    public java.util.List<UnspentOutput> unspentOf(Address owner) {
        ConcurrentSkipListMap<Long, UnspentOutput> mine = byOwner.get(owner);
        return mine == null ? java.util.List.of() : java.util.List.copyOf(mine.values());
    }

    /**
     * Unspent outputs of one owner with a storage id above {@code afterStorageId}, oldest first, read
     * lazily from the owner index: taking the first few costs only those few, however many the owner
     * has. Weakly consistent while blocks are applied (an output is seen at most once).
     */
    public java.util.stream.Stream<UnspentOutput> unspentOfAfter(Address owner, long afterStorageId) {
        ConcurrentSkipListMap<Long, UnspentOutput> mine = byOwner.get(owner);
        return mine == null ? java.util.stream.Stream.empty() : mine.tailMap(afterStorageId, false).values().stream();
    }

    public int unspentCount() {
        return unspent.size();
    }

    /** A read-only view of all balances, for checks and the full recount. */
    public Map<BalanceKey, Long> balances() {
        return java.util.Collections.unmodifiableMap(balances);
    }

    /** A read-only view of all unspent outputs. */
    public java.util.Collection<UnspentOutput> allUnspent() {
        return java.util.Collections.unmodifiableCollection(unspent.values());
    }
}
