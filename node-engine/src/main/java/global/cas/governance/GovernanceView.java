package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.records.RecordKey;
import java.util.Optional;

/**
 * Read access to the governance records, committed ({@link GovernanceState}) or as a block leaves
 * them ({@link GovernanceBlock}), with typed getters. The bytes returned must not be changed.
 */
public interface GovernanceView {
    Optional<byte[]> record(RecordKey key);

    default Records.Meta meta() {
        return Records.Meta.decode(record(GovernanceKeys.meta())
                .orElseThrow(() -> new IllegalStateException("the governance state has no bookkeeping record")));
    }

    default Optional<Records.Election> election(long number) {
        return record(GovernanceKeys.election(number)).map(Records.Election::decode);
    }

    default Optional<Records.Candidacy> candidacy(long election, Address candidate) {
        return record(GovernanceKeys.candidacy(election, candidate)).map(Records.Candidacy::decode);
    }

    default Optional<Records.Tally> tally(VoteId vote) {
        return record(GovernanceKeys.tally(vote)).map(Records.Tally::decode);
    }

    default Optional<Records.Ballot> ballot(VoteId vote, Address voter) {
        return record(GovernanceKeys.ballot(vote, voter)).map(Records.Ballot::decode);
    }

    default Optional<Records.Seat> seat(Address member) {
        return record(GovernanceKeys.seat(member)).map(Records.Seat::decode);
    }

    default Optional<Records.Proposal> proposal(Hash id) {
        return record(GovernanceKeys.proposal(id)).map(Records.Proposal::decode);
    }

    default Optional<Long> checkpoint(long epochStart, Address owner) {
        return record(GovernanceKeys.checkpoint(epochStart, owner)).map(Records::decodeBalance);
    }

    default Optional<Records.Statement> statement(Hash id) {
        return record(GovernanceKeys.statement(id)).map(Records.Statement::decode);
    }

    default Optional<Records.Response> response(Hash proposal) {
        return record(GovernanceKeys.response(proposal)).map(Records.Response::decode);
    }

    default Optional<Records.Bloc> bloc(Hash proposal) {
        return record(GovernanceKeys.bloc(proposal)).map(Records.Bloc::decode);
    }

    default Optional<ReserveRecords.Spend> reserveSpend(Hash id) {
        return record(GovernanceKeys.reserveSpend(id)).map(ReserveRecords.Spend::decode);
    }

    default ReserveRecords.Payout payout() {
        return record(GovernanceKeys.payout())
                .map(ReserveRecords.Payout::decode)
                .orElse(ReserveRecords.Payout.genesis(0));
    }

    default Optional<Records.MemberVote> memberVote(VoteId vote, Address member) {
        return record(GovernanceKeys.memberVote(vote, member)).map(Records.MemberVote::decode);
    }
}
