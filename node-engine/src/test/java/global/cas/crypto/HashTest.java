package global.cas.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** U3: hashes are SHA-256. */
class HashTest {

    @Test
    @DisplayName("U3: Hash.sha256 is SHA-256 (FIPS 180-2 vectors: empty and \"abc\")")
    void vectors() {
        assertThat(Hash.sha256().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hash.sha256("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    @DisplayName("U3: hashing parts is hashing their concatenation")
    void parts() {
        byte[] a = "ab".getBytes(StandardCharsets.US_ASCII);
        byte[] c = "c".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hash.sha256(a, c)).isEqualTo(Hash.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("U3: leadingLong is the first eight bytes, big-endian, and ordering is unsigned")
    void leadingLongAndOrder() {
        Hash h = Hash.fromHex("ff000000000000010000000000000000000000000000000000000000000000aa");
        assertThat(h.leadingLong()).isEqualTo(0xff00_0000_0000_0001L);
        assertThat(h.compareTo(Hash.ZERO)).isPositive();
        assertThat(Hash.fromHex(h.hex())).isEqualTo(h).hasSameHashCodeAs(h);
    }
}
