package global.cas.node.query;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.util.Optional;

/** The governance state, as the desktop reads it (sections 5–7). Thread-safe. */
public interface GovernanceQueries {
    /** The governance state at the tip, read at one height. */
    GovernanceView governance();

    /** {@code voter}'s standing ballot in election {@code number}. */
    Optional<GovernanceView.Ballot> electionBallot(long number, Address voter);

    /** {@code voter}'s standing support of proposal {@code id}. */
    Optional<GovernanceView.Ballot> support(Hash id, Address voter);

    /** {@code voter}'s standing vote in the referendum of proposal {@code id}. */
    Optional<GovernanceView.Ballot> referendumBallot(Hash id, Address voter);

    /** G38: the heaviest {@code limit} standing ballots of {@code vote}, and how many there are. */
    GovernanceView.Voters voters(global.cas.governance.VoteId vote, int limit);

    /**
     * G38: a receipt that {@code voter}'s standing ballot in {@code vote} is counted with its weight
     * at the tip, checkable against the block header alone; empty when it has none.
     */
    Optional<global.cas.chain.RecordReceipt> ballotReceipt(global.cas.governance.VoteId vote, Address voter);
}
