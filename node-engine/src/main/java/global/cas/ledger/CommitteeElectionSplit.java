package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import java.util.List;

/**
 * G11: a committee member's internal vote on how the reserve's votes split among the candidates of
 * election {@code election} (basis points summing to 10,000; none withdraws). The split stands
 * only if more than half of all seated members voted the very same split.
 */
public record CommitteeElectionSplit(long election, List<ElectionBallot.Share> shares) implements GovernanceAction {
    public static final int TAG = 10;

    public CommitteeElectionSplit {
        shares = List.copyOf(shares);
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "committee_election_split";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.u64(election);
        e.list(shares, (enc, s) -> enc.address(s.candidate()).u32(s.basisPoints()));
    }

    static CommitteeElectionSplit read(Decoder d) {
        long election = d.u64();
        return new CommitteeElectionSplit(
                election, d.list(ElectionBallot.MAX_SHARES, x -> new ElectionBallot.Share(x.address(), x.u32())));
    }
}
