package global.cas.ledger;

import global.cas.codec.Decoder;

/**
 * The governance module's actions (PROTOCOL.md sections 5–7), as data and codec: the module's
 * handler ({@code global.cas.governance.GovernanceHandler}) holds their rules. The actor of each is
 * the transaction's one signer, who also pays the fee; the state machine sends every kind here
 * with one line of its dispatch, and a new governance kind touches only this family and the
 * handler.
 */
public sealed interface GovernanceAction extends Action
        permits CandidacyDeclaration,
                CandidacyWithdrawal,
                ElectionBallot,
                ProposalPosting,
                ProposalSupport,
                ReferendumBallot,
                CommitteeReferendumVote,
                CommitteeElectionSplit,
                CommitteeStatement,
                StatementApproval,
                ReserveSpend,
                ReserveSpendApproval {

    /** The governance tags, in the range this family owns. */
    static boolean owns(int tag) {
        return tag >= CandidacyDeclaration.TAG && tag <= ReserveSpendApproval.TAG;
    }

    static GovernanceAction read(int tag, Decoder d) {
        return switch (tag) {
            case CandidacyDeclaration.TAG -> CandidacyDeclaration.read(d);
            case CandidacyWithdrawal.TAG -> CandidacyWithdrawal.read(d);
            case ElectionBallot.TAG -> ElectionBallot.read(d);
            case ProposalPosting.TAG -> ProposalPosting.read(d);
            case ProposalSupport.TAG -> ProposalSupport.read(d);
            case ReferendumBallot.TAG -> ReferendumBallot.read(d);
            case CommitteeReferendumVote.TAG -> CommitteeReferendumVote.read(d);
            case CommitteeElectionSplit.TAG -> CommitteeElectionSplit.read(d);
            case CommitteeStatement.TAG -> CommitteeStatement.read(d);
            case StatementApproval.TAG -> StatementApproval.read(d);
            case ReserveSpend.TAG -> ReserveSpend.read(d);
            case ReserveSpendApproval.TAG -> ReserveSpendApproval.read(d);
            default -> throw Decoder.malformed("unknown governance action tag " + tag);
        };
    }
}
