package global.cas.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecodedKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Property(tries = 200)
    @Label("U2: a cached decoded key verifies exactly what the byte-array verification does, good or bad")
    void agreesWithPlainVerification(@ForAll @Size(max = 64) byte[] message, @ForAll int flip) {
        DecodedKeys keys = new DecodedKeys(4);
        KeyPair k = KeyPair.random(RANDOM);
        Signature good = k.sign(message);
        byte[] raw = good.bytes();
        raw[Math.floorMod(flip, raw.length)] ^= (byte) (1 << Math.floorMod(flip >> 8, 8));
        Signature bad = Signature.of(raw);
        for (int round = 0; round < 2; round++) { // first decoded, then from the cache
            assertThat(keys.verify(k.publicKey(), message, good))
                    .isEqualTo(k.publicKey().verify(message, good))
                    .isTrue();
            assertThat(keys.verify(k.publicKey(), message, bad))
                    .isEqualTo(k.publicKey().verify(message, bad));
        }
        KeyPair other = KeyPair.random(RANDOM);
        assertThat(keys.verify(other.publicKey(), message, good)).isFalse();
    }

    @Test
    @DisplayName("U2: a key that is not a curve point verifies nothing and is not kept")
    void invalidKeyVerifiesNothing() {
        DecodedKeys keys = new DecodedKeys(4);
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 has no x on edwards25519
        byte[] nonCanonical = new byte[32];
        java.util.Arrays.fill(nonCanonical, (byte) 0xff);
        nonCanonical[31] = 0x7f; // y = 2^255 - 1 >= p
        KeyPair k = KeyPair.random(RANDOM);
        byte[] msg = {1, 2, 3};
        Signature sig = k.sign(msg);
        for (byte[] key : new byte[][] {notAPoint, nonCanonical}) {
            PublicKey pk = PublicKey.of(key);
            assertThat(pk.verify(msg, sig)).isFalse();
            assertThat(keys.verify(pk, msg, sig)).isFalse();
        }
        assertThat(keys.size()).isZero();
    }

    @Test
    @DisplayName("The cache stays within its bound however many keys sign")
    void bounded() {
        DecodedKeys keys = new DecodedKeys(10);
        byte[] msg = {7};
        for (int i = 0; i < 200; i++) {
            KeyPair k = KeyPair.random(RANDOM);
            assertThat(keys.verify(k.publicKey(), msg, k.sign(msg))).isTrue();
        }
        assertThat(keys.size()).isLessThanOrEqualTo(10);
    }
}
