package global.cas.wallet.data;

import global.cas.crypto.Address;

/**
 * An entry of the address book: a name the person chose and the address it stands for. An
 * address appears at most once in a book. Immutable.
 *
 * @param name 1 to {@value Labels#MAX_LENGTH} characters, blanks around removed
 * @param address the contact's address
 */
public record Contact(String name, Address address) {
    /** @throws IllegalArgumentException for a blank or too long name, or one with control characters */
    public Contact {
        name = Labels.check(name);
    }
}
