package global.cas.ledger;

import global.cas.crypto.Address;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot ledger state in memory: every unspent output and every balance. The store is the truth;
 * this cache is rebuilt from it on start and changed only by {@link #apply} on the chain thread,
 * after the block's database transaction committed. Reads are safe from any thread (a reader may
 * see a block half applied in memory, never in storage).
 */
public final class LedgerState implements LedgerView {
    private final Map<OutputRef, UnspentOutput> unspent = new ConcurrentHashMap<>();
    private final Map<BalanceKey, Long> balances = new ConcurrentHashMap<>();
    /** Unspent outputs by owner, so a wallet's coins are found without scanning every output. */
    private final Map<Address, Map<OutputRef, UnspentOutput>> byOwner = new ConcurrentHashMap<>();

    @Override
    public Optional<UnspentOutput> unspent(OutputRef ref) {
        return Optional.ofNullable(unspent.get(ref));
    }

    @Override
    public long balance(Address owner, AssetId asset) {
        return balances.getOrDefault(new BalanceKey(owner, asset), 0L);
    }

    public void apply(LedgerDelta delta) {
        // created first: an output created and spent in the same block ends up gone
        for (UnspentOutput u : delta.created()) {
            add(u);
        }
        for (UnspentOutput u : delta.spent()) {
            unspent.remove(u.ref());
            byOwner.computeIfPresent(u.output().owner(), (a, m) -> {
                m.remove(u.ref());
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
        byOwner.computeIfAbsent(u.output().owner(), a -> new ConcurrentHashMap<>())
                .put(u.ref(), u);
    }

    /** Sets a balance while loading from storage. */
    public void loadBalance(BalanceKey key, long value) {
        balances.put(key, value);
    }

    /** Unspent outputs of one owner, oldest first (from the owner index). */
    public java.util.List<UnspentOutput> unspentOf(Address owner) {
        Map<OutputRef, UnspentOutput> mine = byOwner.get(owner);
        if (mine == null) {
            return java.util.List.of();
        }
        return mine.values().stream()
                .sorted(java.util.Comparator.comparingLong(UnspentOutput::storageId))
                .toList();
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
