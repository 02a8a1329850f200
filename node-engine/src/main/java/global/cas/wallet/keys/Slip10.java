package global.cas.wallet.keys;

import java.nio.charset.StandardCharsets;

/**
 * SLIP-0010 key derivation for Ed25519: the master key is HMAC-SHA512 keyed with {@code "ed25519
 * seed"} over the BIP39 seed, and children are hardened only. Pure functions without state;
 * thread-safe.
 */
public final class Slip10 {
    private static final String CURVE = "ed25519 seed";

    private Slip10() {}

    /**
     * The master key of {@code seed} (16 to 64 bytes; a BIP39 seed has 64).
     *
     * @throws IllegalArgumentException for a seed of another length
     */
    public static ExtendedKey master(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("a SLIP-0010 seed has 16 to 64 bytes, got " + seed.length);
        }
        return ExtendedKey.fromHmac(ExtendedKey.hmacSha512(CURVE.getBytes(StandardCharsets.US_ASCII), seed));
    }

    /** The key at {@code path} below the master key of {@code seed}. */
    public static ExtendedKey derivePath(byte[] seed, DerivationPath path) {
        return master(seed).derive(path);
    }

    /**
     * The key at {@code path}, written like {@code m/44'/2026'/0'/0'/0'}.
     *
     * @throws IllegalArgumentException when the path does not parse or has a non-hardened step
     */
    public static ExtendedKey derivePath(byte[] seed, String path) {
        return derivePath(seed, DerivationPath.parse(path));
    }
}
