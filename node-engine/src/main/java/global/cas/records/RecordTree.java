package global.cas.records;

import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;

/**
 * How a record enters its module's {@link global.cas.statetree.StateTree}: key SHA-256("CAS
 * record" ‖ key), value SHA-256(bytes). A proof of a record (a ballot receipt, G38) is the record's
 * bytes, the tree's proof of that key and value, and the other module roots up to the header's
 * state root. Thread-safe (stateless).
 */
public final class RecordTree {
    private static final byte[] DOMAIN = "CAS record".getBytes(StandardCharsets.US_ASCII);

    private RecordTree() {}

    public static Hash key(RecordKey k) {
        return Hash.sha256(DOMAIN, k.bytes());
    }

    public static Hash value(byte[] bytes) {
        return Hash.sha256(bytes);
    }
}
