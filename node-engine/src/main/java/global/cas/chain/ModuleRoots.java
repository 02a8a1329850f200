package global.cas.chain;

import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;

/**
 * The root of each module's state after a block; the header's state root is their hash (C6), so a
 * proof about one module is a proof under its root plus the other roots. The ledger's root joins
 * two parts: the hash chain of its changes ({@code ledgerChanges}: outputs created and spent,
 * coloured outputs, owners, target and frozen remainder, {@link global.cas.ledger.LedgerRoot}) and
 * the root of its balances' tree ({@code balances}, {@link global.cas.ledger.BalanceTree}), under
 * which a balance is proven. The evidence module's root is the hash chain of the double signs
 * recorded ({@link RecordedEvidence}, C4). The governance module's root is that of its records'
 * tree ({@link global.cas.records.RecordSet}), under which a ballot is proven (G38). New modules
 * (tokens) add a root here.
 * Immutable.
 */
public record ModuleRoots(
        Hash ledgerChanges, Hash balances, Hash params, Hash validators, Hash evidence, Hash governance) {
    private static final byte[] DOMAIN = "CAS state".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEDGER = "CAS ledger module".getBytes(StandardCharsets.US_ASCII);

    /** The ledger module's root: SHA-256("CAS ledger module" ‖ changes ‖ balances). */
    public Hash ledger() {
        return Hash.sha256(LEDGER, ledgerChanges.bytes(), balances.bytes());
    }

    /** The state root: SHA-256("CAS state" ‖ ledger ‖ params ‖ validators ‖ evidence ‖ governance). */
    public Hash stateRoot() {
        return Hash.sha256(
                DOMAIN, ledger().bytes(), params.bytes(), validators.bytes(), evidence.bytes(), governance.bytes());
    }
}
