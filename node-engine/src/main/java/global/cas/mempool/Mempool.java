package global.cas.mempool;

import global.cas.crypto.Hash;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerView;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transactions accepted but not yet in a block. Admission runs the stateless checks (signatures
 * included) outside the lock, in parallel for batches, then, under the lock, the checks against
 * the chain state, the double-spend check against other pending transactions and the size bound.
 * A full pool takes a transaction only if it pays a higher fee rate than the cheapest one held,
 * which it then evicts; otherwise {@code MEMPOOL_FULL}. Order: the action's priority class (a
 * mining proof must reach the next block), then fee per byte, then arrival. The pool knows nothing
 * of kinds: conflicts are shared inputs and the action's exclusive slot. Thread-safe.
 */
public final class Mempool {
    private final TransactionChecks rules;
    private final int capacity;
    private final ForkJoinPool verifiers;
    private final AtomicLong sequence = new AtomicLong();

    private final Map<Hash, Entry> byId = new HashMap<>();
    private final Map<OutputRef, Hash> claimed = new HashMap<>();
    private final Map<Hash, Hash> slots = new HashMap<>();
    private final TreeSet<Entry> ordered = new TreeSet<>();
    private long bytes;

    /** A pending transaction, its priority and its arrival number. */
    record Entry(Transaction tx, int priority, long feePerByte, long seq) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            if (priority != o.priority) {
                return Integer.compare(o.priority, priority);
            }
            int c = Long.compare(o.feePerByte, feePerByte);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** The outcome of one submission: accepted, or rejected with a reason. */
    public record Admission(Hash id, Optional<RejectedException> rejection) {
        public boolean accepted() {
            return rejection.isEmpty();
        }
    }

    /** The rule checks the pool runs; the chain's state machine implements them. */
    public interface TransactionChecks {
        /** Checks needing no state, signatures included; any thread. */
        void checkStateless(Transaction tx);

        /** Checks against the chain state for the block {@code next}; changes nothing. */
        void checkStateful(Transaction tx, LedgerView chain, BlockScope next);
    }

    private final List<java.util.function.Consumer<Transaction>> admittedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Tells {@code listener} of every transaction admitted from now on, on the admitting thread,
     * after the pool's lock is released (the transaction gossip sends it on).
     */
    public void onAdmitted(java.util.function.Consumer<Transaction> listener) {
        admittedListeners.add(listener);
    }

    private void announce(Transaction tx) {
        for (var l : admittedListeners) {
            l.accept(tx);
        }
    }

    public Mempool(TransactionChecks rules, int capacity, ForkJoinPool verifiers) {
        this.rules = rules;
        this.capacity = capacity;
        this.verifiers = verifiers;
    }

    /**
     * Admits one transaction for the block described by {@code next}, reading chain state from
     * {@code chain}.
     *
     * @throws RejectedException with the reason it was refused
     */
    public void submit(Transaction tx, LedgerView chain, BlockScope next) {
        rules.checkStateless(tx);
        admit(tx, chain, next);
        announce(tx);
    }

    /**
     * Verifies the signatures of {@code txs} on all cores, remembering those that hold, so that
     * executing a block of them (a block synced from a peer, whose transactions this node never saw)
     * does not verify them one by one on the chain thread; admits nothing. A transaction that fails
     * is left for the block's execution to refuse with its reason. Those pending here with the
     * same bytes were verified when admitted and are skipped.
     *
     * @return how many were checked (not pending here)
     */
    public int preverify(List<Transaction> txs) {
        List<Transaction> unknown;
        synchronized (this) {
            unknown = txs.stream()
                    .filter(tx -> {
                        Entry e = byId.get(tx.id());
                        return e == null || !e.tx.equals(tx);
                    })
                    .toList();
        }
        if (!unknown.isEmpty()) {
            verifiers
                    .submit(() -> unknown.parallelStream().forEach(this::statelessCheck))
                    .join();
        }
        return unknown.size();
    }

    /** Admits a batch, verifying signatures on all cores; returns one admission per transaction, in order. */
    public List<Admission> submitAll(List<Transaction> txs, LedgerView chain, BlockScope next) {
        List<Optional<RejectedException>> stateless = verifiers
                .submit(() -> txs.parallelStream().map(this::statelessCheck).toList())
                .join();
        List<Admission> out = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            Optional<RejectedException> r = stateless.get(i);
            if (r.isEmpty()) {
                try {
                    admit(tx, chain, next);
                    announce(tx);
                } catch (RejectedException e) {
                    r = Optional.of(e);
                }
            }
            out.add(new Admission(tx.id(), r));
        }
        return out;
    }

    private Optional<RejectedException> statelessCheck(Transaction tx) {
        try {
            rules.checkStateless(tx);
            return Optional.empty();
        } catch (RejectedException e) {
            return Optional.of(e);
        }
    }

    private synchronized void admit(Transaction tx, LedgerView chain, BlockScope next) {
        if (byId.containsKey(tx.id())) {
            throw new RejectedException(
                    Reason.DUPLICATE_TRANSACTION, "Transaction " + tx.id() + " is already pending.");
        }
        rules.checkStateful(tx, chain, next);
        for (OutputRef in : tx.inputs()) {
            Hash other = claimed.get(in);
            if (other != null) {
                throw new RejectedException(
                        Reason.DOUBLE_SPEND,
                        "Output " + in + " is already spent by pending transaction " + other + ".");
            }
        }
        Optional<Hash> slot = tx.action().exclusiveSlot();
        if (slot.isPresent() && slots.containsKey(slot.get())) {
            throw new RejectedException(
                    Reason.DUPLICATE_PROOF,
                    "A " + tx.action().kindName() + " for the same slot is already pending: " + slots.get(slot.get())
                            + ".");
        }
        int size = tx.size();
        long rate = tx.fee() / Math.max(1, size);
        Entry entry = new Entry(tx, tx.action().priority(), rate, sequence.incrementAndGet());
        if (byId.size() >= capacity) {
            Entry cheapest = ordered.last();
            if (entry.compareTo(cheapest) >= 0) {
                throw new RejectedException(
                        Reason.MEMPOOL_FULL,
                        "The mempool holds its maximum of " + capacity + " transactions; pay more than "
                                + cheapest.feePerByte + " per byte to replace the cheapest.");
            }
            remove(cheapest);
        }
        byId.put(tx.id(), entry);
        ordered.add(entry);
        bytes += size;
        for (OutputRef in : tx.inputs()) {
            claimed.put(in, tx.id());
        }
        slot.ifPresent(h -> slots.put(h, tx.id()));
    }

    private void remove(Entry e) {
        byId.remove(e.tx.id());
        ordered.remove(e);
        bytes -= e.tx.size();
        for (OutputRef in : e.tx.inputs()) {
            claimed.remove(in, e.tx.id());
        }
        e.tx.action().exclusiveSlot().ifPresent(h -> slots.remove(h, e.tx.id()));
    }

    /** Up to {@code max} transactions in priority order, left in the pool until a block removes them. */
    public synchronized List<Transaction> candidates(int max) {
        List<Transaction> out = new ArrayList<>(Math.min(max, byId.size()));
        for (Entry e : ordered) {
            if (out.size() >= max) {
                break;
            }
            out.add(e.tx);
        }
        return out;
    }

    /**
     * Forgets what a block committed or made invalid: its transactions, those spending the same
     * outputs, and expired ones. (A mining proof expires with its block, so none outlives it.)
     */
    public synchronized void blockCommitted(
            Collection<Transaction> included, Collection<Transaction> dropped, long nextHeight) {
        for (Transaction tx : included) {
            Entry e = byId.get(tx.id());
            if (e != null) {
                remove(e);
            }
            for (OutputRef in : tx.inputs()) {
                Hash other = claimed.get(in);
                if (other != null) {
                    remove(byId.get(other));
                }
            }
        }
        for (Transaction tx : dropped) {
            Entry e = byId.get(tx.id());
            if (e != null) {
                remove(e);
            }
        }
        List<Entry> stale = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.tx.expiryHeight() < nextHeight) {
                stale.add(e);
            }
        }
        stale.forEach(this::remove);
    }

    public synchronized Optional<Transaction> get(Hash id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.tx);
    }

    public synchronized boolean isClaimed(OutputRef ref) {
        return claimed.containsKey(ref);
    }

    public synchronized int size() {
        return byId.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public int capacity() {
        return capacity;
    }
}
