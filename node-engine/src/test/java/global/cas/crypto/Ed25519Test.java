package global.cas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** U2: keys are Ed25519 per RFC 8032. */
class Ed25519Test {

    @Test
    @DisplayName("U2: RFC 8032 test 1 (empty message): public key and signature match, and verify")
    void rfc8032Test1() {
        KeyPair k = KeyPair.fromSeed(Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(k.publicKey().hex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Signature sig = k.sign(new byte[0]);
        assertThat(sig.toString())
                .isEqualTo(
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(k.publicKey().verify(new byte[0], sig)).isTrue();
    }

    @Test
    @DisplayName("U2: RFC 8032 test 2 (one byte 0x72): the signature matches")
    void rfc8032Test2() {
        KeyPair k = KeyPair.fromSeed(Bytes.fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(k.publicKey().hex()).isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        Signature sig = k.sign(new byte[] {0x72});
        assertThat(sig.toString())
                .isEqualTo(
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertThat(k.publicKey().verify(new byte[] {0x72}, sig)).isTrue();
    }

    @Test
    @DisplayName("U2: a signature fails for another message, another key or a flipped bit")
    void verifyRejects() {
        KeyPair k = KeyPair.fromSeed(Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] msg = "pay 5 CAS".getBytes(StandardCharsets.UTF_8);
        Signature sig = k.sign(msg);
        assertThat(k.publicKey().verify(msg, sig)).isTrue();
        assertThat(k.publicKey().verify("pay 6 CAS".getBytes(StandardCharsets.UTF_8), sig))
                .isFalse();
        KeyPair other = KeyPair.fromSeed(new byte[32]);
        assertThat(other.publicKey().verify(msg, sig)).isFalse();
        for (int bit = 0; bit < 512; bit += 7) {
            byte[] b = sig.bytes();
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(k.publicKey().verify(msg, Signature.of(b)))
                    .as("bit %d", bit)
                    .isFalse();
        }
    }

    @Test
    @DisplayName("U2: signing is deterministic, seeds are 32 bytes and toString hides the seed")
    void deterministic() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        KeyPair a = KeyPair.fromSeed(seed);
        seed[1] = 9; // the key pair keeps its own copy
        KeyPair b = KeyPair.fromSeed(a.seed());
        assertThat(a).isEqualTo(b);
        assertThat(a.sign(new byte[] {1, 2, 3})).isEqualTo(b.sign(new byte[] {1, 2, 3}));
        assertThat(a.toString())
                .doesNotContain(Bytes.hex(a.seed()))
                .contains(a.publicKey().hex());
        assertThatThrownBy(() -> KeyPair.fromSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
