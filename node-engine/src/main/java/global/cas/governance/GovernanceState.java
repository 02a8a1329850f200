package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.records.ModuleChanges;
import global.cas.records.RecordChange;
import global.cas.records.RecordKey;
import global.cas.records.RecordSet;
import global.cas.statetree.StateTree;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The governance module's committed state: its records (the truth, stored and hashed) and two
 * indexes rebuilt from them, never stored: which records watch an address's balance (its ballots
 * in open votes, its seat, its standing candidacy; G2, G8) and how many open votes opened at each
 * epoch boundary (whose balance checkpoints are kept, G2). Not thread-safe: the chain thread
 * changes it by {@link #apply} under the state lock; readers read under that lock.
 */
public final class GovernanceState implements GovernanceView {
    /** The module's name in storage and in the state root. */
    public static final String MODULE = "governance";

    private final RecordSet records;
    private final Map<Address, Set<RecordKey>> watched = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Integer> openEpochs = new java.util.concurrent.ConcurrentHashMap<>();

    private GovernanceState(RecordSet records) {
        this.records = records;
        for (Map.Entry<RecordKey, byte[]> e :
                records.page(GovernanceKeys.tallyPrefix(), Optional.empty(), Integer.MAX_VALUE)) {
            Records.Tally t = Records.Tally.decode(e.getValue());
            if (t.open()) {
                openEpochs.merge(t.opensAt(), 1, Integer::sum);
                for (Map.Entry<RecordKey, byte[]> b :
                        records.page(GovernanceKeys.ballots(t.vote()), Optional.empty(), Integer.MAX_VALUE)) {
                    watch(GovernanceKeys.trailingAddress(b.getKey()), b.getKey());
                }
            }
        }
        for (Map.Entry<RecordKey, byte[]> e :
                records.page(GovernanceKeys.seats(), Optional.empty(), Integer.MAX_VALUE)) {
            if (Records.Seat.decode(e.getValue()).seated()) {
                watch(GovernanceKeys.trailingAddress(e.getKey()), e.getKey());
            }
        }
        if (records.contains(GovernanceKeys.meta())) {
            long current = meta().currentElection();
            for (Map.Entry<RecordKey, byte[]> e :
                    records.page(GovernanceKeys.candidacies(current), Optional.empty(), Integer.MAX_VALUE)) {
                if (Records.Candidacy.decode(e.getValue()).standing() == Records.Standing.ACTIVE) {
                    watch(GovernanceKeys.trailingAddress(e.getKey()), e.getKey());
                }
            }
        }
    }

    /** The state of {@code records} as storage holds them (checked by decoding every index it needs). */
    public static GovernanceState of(RecordSet records) {
        return new GovernanceState(records);
    }

    /** No records: the state before genesis. */
    public static GovernanceState empty() {
        return new GovernanceState(RecordSet.empty());
    }

    @Override
    public Optional<byte[]> record(RecordKey key) {
        return records.get(key);
    }

    public RecordSet records() {
        return records;
    }

    /** The module's root (C6). */
    public Hash root() {
        return records.root();
    }

    Set<RecordKey> watchedBy(Address owner) {
        return watched.getOrDefault(owner, Set.of());
    }

    Map<Long, Integer> openEpochs() {
        return openEpochs;
    }

    private void watch(Address a, RecordKey k) {
        watched.computeIfAbsent(a, x -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                .add(k);
    }

    private void unwatch(Address a, RecordKey k) {
        Set<RecordKey> s = watched.get(a);
        if (s != null) {
            s.remove(k);
            if (s.isEmpty()) {
                watched.remove(a);
            }
        }
    }

    /**
     * Applies a committed block's changes (adopting the tree that already holds them) and keeps the
     * indexes in step: a closed vote's ballots stop watching their voters, a lost seat or candidacy
     * its holder.
     */
    public void apply(ModuleChanges changes, StateTree treeAfter) {
        List<Records.Tally> closed = new java.util.ArrayList<>();
        for (RecordChange c : changes.changes()) {
            if (c.key().type() == GovernanceKeys.TALLY && c.value().isPresent()) {
                Records.Tally after = Records.Tally.decode(c.value().get());
                boolean wasOpen = records.get(c.key())
                        .map(b -> Records.Tally.decode(b).open())
                        .orElse(false);
                if (after.open() && !wasOpen) {
                    openEpochs.merge(after.opensAt(), 1, Integer::sum);
                } else if (!after.open() && wasOpen) {
                    openEpochs.computeIfPresent(after.opensAt(), (k, n) -> n == 1 ? null : n - 1);
                    closed.add(after);
                }
            }
        }
        records.apply(changes, treeAfter);
        for (RecordChange c : changes.changes()) {
            int type = c.key().type();
            if (type == GovernanceKeys.BALLOT && c.value().isPresent()) {
                watch(GovernanceKeys.trailingAddress(c.key()), c.key());
            } else if (type == GovernanceKeys.SEAT) {
                Address a = GovernanceKeys.trailingAddress(c.key());
                if (c.value().map(b -> Records.Seat.decode(b).seated()).orElse(false)) {
                    watch(a, c.key());
                } else {
                    unwatch(a, c.key());
                }
            } else if (type == GovernanceKeys.CANDIDACY) {
                Address a = GovernanceKeys.trailingAddress(c.key());
                if (c.value()
                        .map(b -> Records.Candidacy.decode(b).standing() == Records.Standing.ACTIVE)
                        .orElse(false)) {
                    watch(a, c.key());
                } else {
                    unwatch(a, c.key());
                }
            }
        }
        for (Records.Tally t : closed) {
            for (Map.Entry<RecordKey, byte[]> b :
                    records.page(GovernanceKeys.ballots(t.vote()), Optional.empty(), Integer.MAX_VALUE)) {
                unwatch(GovernanceKeys.trailingAddress(b.getKey()), b.getKey());
            }
            if (t.vote().kind() == VoteId.ELECTION) {
                for (Map.Entry<RecordKey, byte[]> e : records.page(
                        GovernanceKeys.candidacies(t.vote().electionNumber()), Optional.empty(), Integer.MAX_VALUE)) {
                    unwatch(GovernanceKeys.trailingAddress(e.getKey()), e.getKey());
                }
            }
        }
    }
}
