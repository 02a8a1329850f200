package global.cas.crypto;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.Arrays;

/**
 * An account address: the first 20 bytes of SHA-256(public key) (U2). The textual form is Bech32m
 * with the network's prefix; {@link #parse} checks the checksum so a typo is caught before
 * anything is sent. Immutable.
 */
public final class Address implements Comparable<Address> {
    public static final int LENGTH = 20;

    private final byte[] bytes;
    private final int hashCode;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = Arrays.hashCode(bytes);
    }

    public static Address of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    public static Address of(PublicKey key) {
        return new Address(Arrays.copyOf(Sha256.digest(key.raw()), LENGTH));
    }

    /**
     * Parses a Bech32m address of {@code network}.
     *
     * @throws RejectedException with {@code BAD_ADDRESS_CHECKSUM}, {@code WRONG_NETWORK} or {@code
     *     BAD_ADDRESS}
     */
    public static Address parse(String text, Network network) {
        Bech32m.Decoded d = Bech32m.decode(text.strip());
        if (!d.hrp().equals(network.addressPrefix())) {
            throw new RejectedException(
                    Reason.WRONG_NETWORK,
                    "The address starts with '" + d.hrp() + "' but this wallet is on " + network.id()
                            + " (addresses start with '" + network.addressPrefix() + "1').");
        }
        byte[] data = Bech32m.fromWords(d.words());
        if (data.length != LENGTH) {
            throw new RejectedException(
                    Reason.BAD_ADDRESS, "An address carries 20 bytes, this one " + data.length + ".");
        }
        return new Address(data);
    }

    public String encode(Network network) {
        return Bech32m.encode(network.addressPrefix(), Bech32m.toWords(bytes));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return Bytes.hex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
