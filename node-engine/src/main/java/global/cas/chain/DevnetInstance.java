package global.cas.chain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The random salt that makes one devnet data folder's chain its own (decision 18): 16 bytes,
 * written as 32 lowercase hex digits. Its first four bytes name the chain ({@code
 * cas-devnet-1-3fa9c2d1}, so a transaction signed for one devnet is refused by every other, L4) and
 * all sixteen go into the genesis outputs' id, so the genesis hash differs too. Immutable.
 *
 * @param hex the salt, 32 lowercase hex digits
 */
public record DevnetInstance(String hex) {
    /** Bytes of salt. */
    public static final int BYTES = 16;

    /** Bytes of the salt that the chain id carries. */
    static final int ID_BYTES = 4;

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + 2 * BYTES + "}");

    public DevnetInstance {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a devnet instance is " + 2 * BYTES + " lowercase hex digits");
        }
    }

    /** A new instance from {@code random}. */
    public static DevnetInstance random(SecureRandom random) {
        byte[] salt = new byte[BYTES];
        random.nextBytes(salt);
        return new DevnetInstance(HexFormat.of().formatHex(salt));
    }

    /** The salt's bytes (a copy). */
    public byte[] salt() {
        return HexFormat.of().parseHex(hex);
    }

    /** What the chain id carries after the network's own: the first four bytes, as 8 hex digits. */
    public String shortId() {
        return hex.substring(0, 2 * ID_BYTES);
    }
}
