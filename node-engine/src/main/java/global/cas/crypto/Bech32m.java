package global.cas.crypto;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Bech32m (BIP 350) encoding: human-readable prefix, 5-bit data words, 6-word checksum. */
public final class Bech32m {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int CONST = 0x2bc830a3;
    private static final int MAX_LENGTH = 90;
    private static final byte[] REV = new byte[128];

    static {
        java.util.Arrays.fill(REV, (byte) -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            REV[CHARSET.charAt(i)] = (byte) i;
        }
    }

    /** A decoded string: its prefix and its data words (checksum removed). */
    public record Decoded(String hrp, byte[] words) {}

    private Bech32m() {}

    private static int polymod(byte[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (byte v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    private static byte[] hrpExpand(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[i + n + 1] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    public static String encode(String hrp, byte[] words) {
        byte[] values = concat(concat(hrpExpand(hrp), words), new byte[6]);
        int mod = polymod(values) ^ CONST;
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + words.length + 6);
        sb.append(hrp).append('1');
        for (byte w : words) {
            sb.append(CHARSET.charAt(w));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    /**
     * Decodes and checks a Bech32m string.
     *
     * @throws RejectedException {@code BAD_ADDRESS} for a malformed string, {@code
     *     BAD_ADDRESS_CHECKSUM} when the checksum does not match (a typo)
     */
    public static Decoded decode(String s) {
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            throw bad("An address has between 8 and 90 characters.");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw bad("The address contains a character that cannot appear in it.");
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
        }
        if (lower && upper) {
            throw bad("An address is all lower case or all upper case, not mixed.");
        }
        String str = s.toLowerCase(Locale.ROOT);
        int pos = str.lastIndexOf('1');
        if (pos < 1 || pos + 7 > str.length()) {
            throw bad("The address lacks its prefix or its checksum.");
        }
        String hrp = str.substring(0, pos);
        byte[] data = new byte[str.length() - pos - 1];
        for (int i = 0; i < data.length; i++) {
            char c = str.charAt(pos + 1 + i);
            byte v = c < 128 ? REV[c] : -1;
            if (v < 0) {
                throw bad("The character '" + c + "' cannot appear in an address.");
            }
            data[i] = v;
        }
        if (polymod(concat(hrpExpand(hrp), data)) != CONST) {
            throw new RejectedException(
                    Reason.BAD_ADDRESS_CHECKSUM, "The address has a typo: its checksum does not match.");
        }
        byte[] words = java.util.Arrays.copyOf(data, data.length - 6);
        return new Decoded(hrp, words);
    }

    private static RejectedException bad(String sentence) {
        return new RejectedException(Reason.BAD_ADDRESS, sentence);
    }

    /** 8-bit bytes to 5-bit words, padded. */
    public static byte[] toWords(byte[] data) {
        return convertBits(data, 8, 5, true);
    }

    /** 5-bit words back to bytes; rejects non-zero padding. */
    public static byte[] fromWords(byte[] words) {
        return convertBits(words, 5, 8, false);
    }

    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
        for (byte b : in) {
            int value = b & 0xff;
            if ((value >>> from) != 0) {
                throw bad("The address data is out of range.");
            }
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            throw bad("The address data has invalid padding.");
        }
        return out.toByteArray();
    }
}
