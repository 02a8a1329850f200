package global.cas.chain;

import global.cas.ledger.LedgerDelta;
import global.cas.params.ParamsSchedule;
import global.cas.validators.ValidatorSchedule;
import java.util.Optional;

/**
 * A block and every module's changes, executed but not committed: the ledger's delta, the new
 * parameter and validator schedules when the block changed them (always at genesis), and the tip
 * after it. Committing writes all of it in one database transaction. Immutable.
 */
public record ExecutedBlock(
        Block block,
        LedgerDelta delta,
        Optional<ParamsSchedule> paramsChanged,
        Optional<ValidatorSchedule> validatorsChanged,
        ChainTip tip) {
    public ExecutedBlock(Block block, LedgerDelta delta, ChainTip tip) {
        this(block, delta, Optional.empty(), Optional.empty(), tip);
    }
}
