package global.cas.wallet.keys;

import global.cas.crypto.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The public part of one account of a wallet: its number, its label, the addresses handed out so
 * far ({@code addresses().get(i)} is address index {@code i}) and the pool of addresses derived
 * ahead of them (index {@code addresses().size()} on), which a locked wallet hands out without
 * the password ({@link KeystoreFile#issueAddress}) and whose payments the wallet's history
 * already watches. Readable without the password. Immutable and thread-safe.
 *
 * @param index the account number in the derivation path (0, 1, ...)
 * @param label a name chosen by the person, 1 to {@value #MAX_LABEL_LENGTH} characters
 * @param addresses the addresses handed out, of indices 0, 1, ... in order
 * @param pool the addresses derived ahead, of the indices after them, in order
 */
public record AccountInfo(int index, String label, List<Address> addresses, List<Address> pool) {
    /** The longest label, in characters. */
    public static final int MAX_LABEL_LENGTH = 64;

    /** @throws IllegalArgumentException for a negative index or an invalid label */
    public AccountInfo {
        if (index < 0) {
            throw new IllegalArgumentException("an account number is 0 or more, got " + index);
        }
        label = checkLabel(label);
        addresses = List.copyOf(addresses);
        pool = List.copyOf(pool);
    }

    /** An account without a pool. */
    public AccountInfo(int index, String label, List<Address> addresses) {
        this(index, label, addresses, List.of());
    }

    /** Every address derived: those handed out, then the pool (address index {@code i} at {@code i}). */
    public List<Address> derived() {
        List<Address> l = new ArrayList<>(addresses.size() + pool.size());
        l.addAll(addresses);
        l.addAll(pool);
        return List.copyOf(l);
    }

    /**
     * The label with blanks around it removed.
     *
     * @throws IllegalArgumentException when it is blank, longer than {@value #MAX_LABEL_LENGTH}
     *     characters or holds a control character
     */
    public static String checkLabel(String label) {
        String l = label.strip();
        if (l.isEmpty()) {
            throw new IllegalArgumentException("an account label cannot be blank");
        }
        if (l.codePointCount(0, l.length()) > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("an account label has at most " + MAX_LABEL_LENGTH + " characters");
        }
        if (l.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an account label cannot hold control characters");
        }
        return l;
    }

    /** This account with the first pooled address handed out; the same account when the pool is empty. */
    AccountInfo withIssued() {
        return withIssued(addresses.size() + 1);
    }

    /** This account with its first {@code count} derived addresses handed out (at least those now, at most all). */
    AccountInfo withIssued(int count) {
        List<Address> all = derived();
        int n = Math.max(addresses.size(), Math.min(count, all.size()));
        return new AccountInfo(index, label, all.subList(0, n), all.subList(n, all.size()));
    }

    /** This account with more addresses derived ahead, at the end of the pool. */
    AccountInfo withPooled(List<Address> more) {
        List<Address> l = new ArrayList<>(pool);
        l.addAll(more);
        return new AccountInfo(index, label, addresses, l);
    }

    AccountInfo withLabel(String newLabel) {
        return new AccountInfo(index, newLabel, addresses, pool);
    }
}
