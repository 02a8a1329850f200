package global.cas.chain;

import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transactions whose witnesses this node has already verified, by SHA-256 of their full
 * encoding (signatures included, so a transaction with other witnesses is another entry). Shared by
 * mempool admission and block validation: a block made of transactions this node verified on their
 * way into its mempool is not verified again. Bounded: when full it starts over, which costs
 * only repeated verifications. Thread-safe.
 */
public final class VerifiedSignatures {
    private final int capacity;
    private final Set<Hash> seen = ConcurrentHashMap.newKeySet();

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
        return seen.contains(key);
    }

    void add(Hash key) {
        if (seen.size() >= capacity) {
            seen.clear();
        }
        seen.add(key);
    }

    public int size() {
        return seen.size();
    }
}
