package global.cas.chain;

import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;

/**
 * The root of each module's state after a block; the header's state root is their hash (C6), so a
 * proof about one module is a proof under its root plus the other roots. New modules (governance,
 * tokens) add a root here. Immutable.
 */
public record ModuleRoots(Hash ledger, Hash params, Hash validators) {
    private static final byte[] DOMAIN = "CAS state".getBytes(StandardCharsets.US_ASCII);

    /** The state root: SHA-256("CAS state" ‖ ledger ‖ params ‖ validators). */
    public Hash stateRoot() {
        return Hash.sha256(DOMAIN, ledger.bytes(), params.bytes(), validators.bytes());
    }
}
