package global.cas.chain;

import global.cas.ledger.LedgerDelta;
import global.cas.params.ParamsSchedule;
import global.cas.records.ModuleChanges;
import global.cas.statetree.StateTree;
import global.cas.validators.ValidatorSchedule;
import java.util.Optional;

/**
 * A block and every module's changes, executed but not committed: the ledger's delta, the new
 * parameter and validator schedules when the block changed them (always at genesis), and the tip
 * after it, with the balances' tree after it (adopted by the ledger at commit, so it is hashed
 * once), the evidence recorded after it (C4) and the governance module's record changes with its
 * tree after them. Committing writes all of it in one database
 * transaction. Immutable but for the tree, which only the chain thread touches.
 */
public record ExecutedBlock(
        Block block,
        LedgerDelta delta,
        Optional<ParamsSchedule> paramsChanged,
        Optional<ValidatorSchedule> validatorsChanged,
        ChainTip tip,
        StateTree balances,
        RecordedEvidence evidence,
        ModuleChanges governance,
        StateTree governanceTree) {

    /** Every record module's changes, for storage to write generically. */
    public java.util.List<ModuleChanges> moduleChanges() {
        return java.util.List.of(governance);
    }
}
