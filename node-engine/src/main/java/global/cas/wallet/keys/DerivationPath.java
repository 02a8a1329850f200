package global.cas.wallet.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * A SLIP-0010 Ed25519 derivation path such as {@code m/44'/2026'/0'/0'/0'}. Ed25519 allows only
 * hardened children, so every step is hardened: {@link #indices()} holds the step numbers without
 * the hardened bit (0 to 2<sup>31</sup>-1) and {@link #toString()} writes each with {@code '}.
 * Immutable and thread-safe.
 *
 * @param indices the hardened step numbers from the master key down, without the hardened bit
 */
public record DerivationPath(List<Integer> indices) {
    /** The bit BIP32 sets on a hardened index. */
    public static final int HARDENED = 0x8000_0000;

    /** BIP44's purpose number, the first step of a CAS path. */
    public static final int PURPOSE = 44;

    /**
     * CAS's SLIP-44 coin type. 2026 is the number CAS chose for itself; it is not registered in the
     * SLIP-0044 list, so another coin could use it too (harmless: keys never leave this wallet).
     */
    public static final int CAS_COIN_TYPE = 2026;

    /** The fourth step of a CAS path. Always 0: CAS has no separate change chain. */
    public static final int CAS_CHAIN = 0;

    public DerivationPath {
        indices = List.copyOf(indices);
        for (int i : indices) {
            if (i < 0) {
                throw new IllegalArgumentException(
                        "a path step is a number from 0 to 2147483647 (always hardened), got " + (i & 0xffffffffL));
            }
        }
    }

    /** The master key's path, {@code m}. */
    public static DerivationPath master() {
        return new DerivationPath(List.of());
    }

    /**
     * The CAS path of one key, {@code m/44'/2026'/account'/0'/index'}.
     *
     * @throws IllegalArgumentException when {@code account} or {@code index} is negative
     */
    public static DerivationPath cas(int account, int index) {
        return new DerivationPath(List.of(PURPOSE, CAS_COIN_TYPE, account, CAS_CHAIN, index));
    }

    /**
     * Reads {@code m/a'/b'/...}; the hardened mark may be {@code '}, {@code h} or {@code H} and is
     * required on every step.
     *
     * @throws IllegalArgumentException for any other text, or for a step that is not hardened
     */
    public static DerivationPath parse(String path) {
        String[] parts = path.strip().split("/", -1);
        if (!parts[0].equals("m")) {
            throw new IllegalArgumentException("a derivation path starts with 'm', got '" + path + "'");
        }
        List<Integer> out = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.length() < 2 || "'hH".indexOf(p.charAt(p.length() - 1)) < 0) {
                throw new IllegalArgumentException("step " + i + " of '" + path
                        + "' is not hardened: Ed25519 (SLIP-0010) derives hardened children only");
            }
            String digits = p.substring(0, p.length() - 1);
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 10) {
                throw new IllegalArgumentException("step " + i + " of '" + path + "' is not a number");
            }
            long v = Long.parseLong(digits);
            if (v >= (1L << 31)) {
                throw new IllegalArgumentException("step " + i + " of '" + path + "' is above 2147483647");
            }
            out.add((int) v);
        }
        return new DerivationPath(out);
    }

    /** This path extended by one hardened step. */
    public DerivationPath child(int index) {
        List<Integer> l = new ArrayList<>(indices);
        l.add(index);
        return new DerivationPath(l);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("m");
        for (int i : indices) {
            sb.append('/').append(i).append('\'');
        }
        return sb.toString();
    }
}
