package global.cas.validators;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Every validator set with the height from which it validates: the genesis set at height 0, later
 * ones scheduled by a passed {@code validator-set} referendum (C4, G31). Immutable and thread-safe;
 * {@link #with} returns a new schedule.
 */
public final class ValidatorSchedule {
    private static final byte[] DOMAIN = "CAS validator schedule".getBytes(StandardCharsets.US_ASCII);
    public static final int MAX_VERSIONS = 10_000;

    private final NavigableMap<Long, ValidatorSet> versions;
    private final Hash root;

    private ValidatorSchedule(NavigableMap<Long, ValidatorSet> versions) {
        if (versions.isEmpty() || versions.firstKey() != 0) {
            throw new IllegalArgumentException("a validator schedule starts at height 0");
        }
        this.versions = Collections.unmodifiableNavigableMap(versions);
        this.root = Hash.sha256(DOMAIN, encoded());
    }

    public static ValidatorSchedule genesis(ValidatorSet set) {
        NavigableMap<Long, ValidatorSet> m = new TreeMap<>();
        m.put(0L, set);
        return new ValidatorSchedule(m);
    }

    /** The validators of block {@code height}. */
    public ValidatorSet at(long height) {
        return versions.floorEntry(Math.max(0, height)).getValue();
    }

    public ValidatorSchedule with(long height, ValidatorSet set) {
        if (height <= 0) {
            throw new IllegalArgumentException("a change takes effect after genesis");
        }
        NavigableMap<Long, ValidatorSet> m = new TreeMap<>(versions);
        m.put(height, set);
        return new ValidatorSchedule(m);
    }

    public Map<Long, ValidatorSet> versions() {
        return versions;
    }

    /** The module root: SHA-256 over every (height, set) in height order. */
    public Hash root() {
        return root;
    }

    public byte[] encoded() {
        Encoder e = new Encoder(64 + versions.size() * 48);
        List<Map.Entry<Long, ValidatorSet>> list = new ArrayList<>(versions.entrySet());
        e.list(list, (enc, en) -> {
            enc.u64(en.getKey());
            en.getValue().encode(enc);
        });
        return e.toBytes();
    }

    public static ValidatorSchedule decode(byte[] bytes) {
        Decoder d = new Decoder(bytes);
        NavigableMap<Long, ValidatorSet> m = new TreeMap<>();
        for (Map.Entry<Long, ValidatorSet> en :
                d.list(MAX_VERSIONS, dd -> Map.entry(dd.u64(), ValidatorSet.decode(dd)))) {
            if (m.put(en.getKey(), en.getValue()) != null) {
                throw Decoder.malformed("two validator sets for height " + en.getKey());
            }
        }
        d.finish();
        return new ValidatorSchedule(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorSchedule s && root.equals(s.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }
}
