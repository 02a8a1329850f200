package global.cas.params;

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
 * Every version of the parameters with the height from which it applies: the genesis version at
 * height 0, later ones scheduled by a passed referendum (G31). Its root commits to the whole
 * history, past and scheduled. Immutable and thread-safe; {@link #with} returns a new schedule.
 */
public final class ParamsSchedule {
    private static final byte[] DOMAIN = "CAS params schedule".getBytes(StandardCharsets.US_ASCII);
    public static final int MAX_VERSIONS = 10_000;

    private final NavigableMap<Long, Params> versions;
    private final Hash root;

    private ParamsSchedule(NavigableMap<Long, Params> versions) {
        if (versions.isEmpty() || versions.firstKey() != 0) {
            throw new IllegalArgumentException("a parameter schedule starts at height 0");
        }
        this.versions = Collections.unmodifiableNavigableMap(versions);
        this.root = Hash.sha256(DOMAIN, encoded());
    }

    public static ParamsSchedule genesis(Params p) {
        NavigableMap<Long, Params> m = new TreeMap<>();
        m.put(0L, p);
        return new ParamsSchedule(m);
    }

    /** The parameters in force at {@code height}. */
    public Params at(long height) {
        return versions.floorEntry(Math.max(0, height)).getValue();
    }

    /**
     * This schedule with {@code p} in force from {@code height} on (a version already set for that
     * height is replaced).
     */
    public ParamsSchedule with(long height, Params p) {
        if (height <= 0) {
            throw new IllegalArgumentException("a change takes effect after genesis");
        }
        NavigableMap<Long, Params> m = new TreeMap<>(versions);
        m.put(height, p);
        return new ParamsSchedule(m);
    }

    public Map<Long, Params> versions() {
        return versions;
    }

    /** The module root: SHA-256 over every (height, version) in height order. */
    public Hash root() {
        return root;
    }

    public byte[] encoded() {
        Encoder e = new Encoder(32 + versions.size() * 28);
        List<Map.Entry<Long, Params>> list = new ArrayList<>(versions.entrySet());
        e.list(list, (enc, en) -> {
            enc.u64(en.getKey());
            en.getValue().encode(enc);
        });
        return e.toBytes();
    }

    public static ParamsSchedule decode(byte[] bytes) {
        Decoder d = new Decoder(bytes);
        NavigableMap<Long, Params> m = new TreeMap<>();
        for (Map.Entry<Long, Params> en : d.list(MAX_VERSIONS, dd -> Map.entry(dd.u64(), Params.decode(dd)))) {
            if (m.put(en.getKey(), en.getValue()) != null) {
                throw Decoder.malformed("two parameter versions for height " + en.getKey());
            }
        }
        d.finish();
        return new ParamsSchedule(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamsSchedule s && root.equals(s.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "ParamsSchedule" + versions;
    }
}
