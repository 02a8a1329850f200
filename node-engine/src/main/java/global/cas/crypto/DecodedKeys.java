package global.cas.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 public keys already decoded to curve points, so that verifying another signature of a
 * key seen before skips the point decompression (a square root in the field, about a tenth of a
 * verification). The same keys sign again and again (a holder's change, an exchange, a
 * validator), so a node verifying at block speed hits it most of the time.
 *
 * <p>Verifies exactly what {@link PublicKey#verify} verifies: a key is decoded with the same checks
 * BouncyCastle's byte-array {@code verify} applies to it (canonical encoding, a point on the curve),
 * and a key that fails them verifies nothing and is not kept. Bounded to {@code capacity} keys by
 * Caffeine's frequency-aware eviction, so a flood of one-time keys cannot push out the keys in
 * steady use. Thread-safe.
 */
public final class DecodedKeys {
    private final Cache<PublicKey, Ed25519.PublicPoint> points;

    public DecodedKeys(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one key");
        }
        this.points = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** True when {@code signature} is {@code key}'s valid signature of {@code message}. */
    public boolean verify(PublicKey key, byte[] message, Signature signature) {
        Optional<Ed25519.PublicPoint> point = point(key);
        return point.isPresent() && Ed25519.verify(signature.raw(), 0, point.get(), message, 0, message.length);
    }

    private Optional<Ed25519.PublicPoint> point(PublicKey key) {
        Ed25519.PublicPoint p = points.getIfPresent(key);
        if (p == null) {
            p = Ed25519.validatePublicKeyPartialExport(key.raw(), 0);
            if (p == null) {
                return Optional.empty();
            }
            points.put(key, p);
        }
        return Optional.of(p);
    }

    /** Keys held now (approximate while other threads add). */
    public long size() {
        points.cleanUp();
        return points.estimatedSize();
    }
}
