package global.cas.wallet.data;

/** The rule every label and contact name follows. */
public final class Labels {
    /** The longest label or name, in characters (code points). */
    public static final int MAX_LENGTH = 100;

    private Labels() {}

    /**
     * The label with blanks around it removed.
     *
     * @throws IllegalArgumentException when it is blank, longer than {@value #MAX_LENGTH} characters
     *     or holds a control character
     */
    public static String check(String label) {
        String l = label.strip();
        if (l.isEmpty()) {
            throw new IllegalArgumentException("a label cannot be blank");
        }
        if (l.codePointCount(0, l.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("a label has at most " + MAX_LENGTH + " characters");
        }
        if (l.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a label cannot hold control characters");
        }
        return l;
    }
}
