package global.cas.crypto;

import java.util.HexFormat;

/** Small helpers for byte arrays used as values. */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {}

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    public static byte[] fromHex(String s) {
        return HEX.parseHex(s);
    }

    /** Unsigned lexicographic comparison, the order used wherever bytes must sort canonically. */
    public static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }
}
