package global.cas.chain;

import global.cas.ledger.LedgerView;
import global.cas.params.ParamsSchedule;
import global.cas.validators.ValidatorSchedule;

/**
 * The committed state a block is executed on: the tip, the ledger, the parameter and validator
 * schedules, the commit of the tip block (the next block's last commit) and the double signs
 * recorded (C4) and the governance module's state (sections 5–7). The ledger and governance
 * state must not change while a block is executed on it.
 */
public record ChainState(
        ChainTip tip,
        LedgerView ledger,
        ParamsSchedule params,
        ValidatorSchedule validators,
        Commit lastCommit,
        RecordedEvidence evidence,
        global.cas.governance.GovernanceState governance) {}
