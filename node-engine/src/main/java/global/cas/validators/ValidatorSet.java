package global.cas.validators;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validators in force at a height, in a fixed order (the order a commit's precommits name them
 * by index). Quorum arithmetic is integer only: a power {@code p} is a quorum when {@code 3p > 2 ·
 * total} (C1, C3). Immutable and thread-safe.
 */
public final class ValidatorSet {
    private static final byte[] DOMAIN = "CAS validators".getBytes(StandardCharsets.US_ASCII);
    public static final int MAX_VALIDATORS = 10_000;

    private final List<Validator> validators;
    private final Map<Address, Integer> indexByAddress = new HashMap<>();
    private final long totalPower;
    private final Hash hash;

    public ValidatorSet(List<Validator> validators) {
        if (validators.isEmpty() || validators.size() > MAX_VALIDATORS) {
            throw new IllegalArgumentException("a validator set has 1 to " + MAX_VALIDATORS + " validators");
        }
        this.validators = List.copyOf(validators);
        long total = 0;
        for (int i = 0; i < this.validators.size(); i++) {
            Validator v = this.validators.get(i);
            if (indexByAddress.put(v.address(), i) != null) {
                throw new IllegalArgumentException("validator " + v.address() + " is listed twice");
            }
            total += v.power();
        }
        this.totalPower = total;
        Encoder e = new Encoder(8 + validators.size() * 40);
        encode(e);
        this.hash = Hash.sha256(DOMAIN, e.toBytes());
    }

    public List<Validator> validators() {
        return validators;
    }

    public int size() {
        return validators.size();
    }

    public Validator get(int index) {
        return validators.get(index);
    }

    public long totalPower() {
        return totalPower;
    }

    public Optional<Integer> indexOf(Address a) {
        return Optional.ofNullable(indexByAddress.get(a));
    }

    public boolean contains(Address a) {
        return indexByAddress.containsKey(a);
    }

    /** True when {@code power} is more than two thirds of the total (C3). */
    public boolean isQuorum(long power) {
        return 3 * power > 2 * totalPower;
    }

    /** The header's validators hash: SHA-256 of the canonical encoding. */
    public Hash hash() {
        return hash;
    }

    public void encode(Encoder e) {
        e.list(validators, (enc, v) -> v.encode(enc));
    }

    public static ValidatorSet decode(Decoder d) {
        try {
            return new ValidatorSet(d.list(MAX_VALIDATORS, Validator::decode));
        } catch (IllegalArgumentException e) {
            throw Decoder.malformed(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorSet s && hash.equals(s.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "ValidatorSet" + validators;
    }
}
