package global.cas.wallet.keys;

import global.cas.crypto.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The public part of one account of a wallet: its number, its label and the addresses derived so
 * far ({@code addresses().get(i)} is address index {@code i}). Readable without the password.
 * Immutable and thread-safe.
 *
 * @param index the account number in the derivation path (0, 1, ...)
 * @param label a name chosen by the person, 1 to {@value #MAX_LABEL_LENGTH} characters
 * @param addresses the addresses of indices 0, 1, ... in order
 */
public record AccountInfo(int index, String label, List<Address> addresses) {
    /** The longest label, in characters. */
    public static final int MAX_LABEL_LENGTH = 64;

    /** @throws IllegalArgumentException for a negative index or an invalid label */
    public AccountInfo {
        if (index < 0) {
            throw new IllegalArgumentException("an account number is 0 or more, got " + index);
        }
        label = checkLabel(label);
        addresses = List.copyOf(addresses);
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

    /** This account with one more address at the end. */
    AccountInfo withAddress(Address address) {
        List<Address> l = new ArrayList<>(addresses);
        l.add(address);
        return new AccountInfo(index, label, l);
    }

    AccountInfo withLabel(String newLabel) {
        return new AccountInfo(index, newLabel, addresses);
    }
}
