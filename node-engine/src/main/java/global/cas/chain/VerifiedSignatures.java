package global.cas.chain;

import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transactions whose witnesses this node has already verified, by SHA-256 of their full
 * encoding (signatures included, so a transaction with other witnesses is another entry). Shared by
 * mempool admission and block validation: a block made of transactions this node verified on their
 * way into its mempool is not verified again (each validator verifies a transaction once: at
 * mempool entry or in the proposal, never both). Bounded in two generations of half the capacity
 * each: when the newer is full it becomes the older and the older is forgotten, so an entry is kept
 * for at least half the capacity of later entries. (Until 2026-12-03 a full cache forgot everything
 * at once, the transactions verified a moment before included, and the next blocks verified those a
 * second time.) Thread-safe.
 */
public final class VerifiedSignatures {
    private final int capacity;
    private final Object turn = new Object();
    private volatile Set<Hash> newer = ConcurrentHashMap.newKeySet();
    private volatile Set<Hash> older = ConcurrentHashMap.newKeySet();

    public VerifiedSignatures(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry");
        }
        this.capacity = capacity;
    }

    static Hash keyOf(Transaction tx) {
        return Hash.sha256(tx.encoded());
    }

    boolean contains(Hash key) {
        return newer.contains(key) || older.contains(key);
    }

    void add(Hash key) {
        Set<Hash> n = newer;
        if (n.size() >= Math.max(1, capacity / 2)) {
            synchronized (turn) {
                if (newer == n) {
                    older = n;
                    newer = ConcurrentHashMap.newKeySet();
                }
            }
        }
        newer.add(key);
    }

    /** Entries remembered now: at most the capacity, plus a few added while a generation turns. */
    public int size() {
        return older.size() + newer.size();
    }
}
