package global.cas.governance;

import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.records.RecordKey;

/**
 * The keys of the governance module's records: a type byte, then the fields that name the record,
 * fixed width and big-endian, so records of one election, vote or epoch sit together in key order.
 * Thread-safe (stateless).
 */
public final class GovernanceKeys {
    public static final int META = 0x01;
    public static final int ELECTION = 0x02;
    public static final int CANDIDACY = 0x03;
    public static final int TALLY = 0x04;
    public static final int BALLOT = 0x05;
    public static final int CHECKPOINT = 0x06;
    public static final int SEAT = 0x07;
    public static final int PROPOSAL = 0x08;
    public static final int PRUNE = 0x09;
    public static final int SCHEDULE = 0x0A;
    public static final int MEMBER_VOTE = 0x0B;
    public static final int STATEMENT = 0x0C;
    public static final int APPROVAL = 0x0D;
    public static final int RESPONSE = 0x0E;
    public static final int BLOC = 0x0F;
    public static final int RESERVE_SPEND = 0x10;
    public static final int SPEND_APPROVAL = 0x11;
    public static final int PAYOUT = 0x12;
    public static final int PAYOUT_LAST = 0x13;

    private GovernanceKeys() {}

    public static RecordKey meta() {
        return key(new Encoder(1).u8(META));
    }

    public static RecordKey election(long number) {
        return key(new Encoder(9).u8(ELECTION).u64(number));
    }

    public static RecordKey candidacy(long election, Address candidate) {
        return key(new Encoder(29).u8(CANDIDACY).u64(election).address(candidate));
    }

    public static RecordKey candidacies(long election) {
        return key(new Encoder(9).u8(CANDIDACY).u64(election));
    }

    public static RecordKey tally(VoteId vote) {
        Encoder e = new Encoder(34).u8(TALLY);
        vote.encode(e);
        return key(e);
    }

    public static RecordKey tallyPrefix() {
        return key(new Encoder(1).u8(TALLY));
    }

    /** The schedule entry that opens ({@code close} false) or closes a vote at {@code time}. */
    public static RecordKey schedule(long time, boolean close, VoteId vote) {
        Encoder e = new Encoder(43).u8(SCHEDULE).u64(time).u8(close ? 1 : 0);
        vote.encode(e);
        return key(e);
    }

    public static RecordKey schedulePrefix() {
        return key(new Encoder(1).u8(SCHEDULE));
    }

    /** The time, whether it closes, and the vote of a schedule key. */
    public static ScheduleEntry scheduleOf(RecordKey key) {
        global.cas.codec.Decoder d = new global.cas.codec.Decoder(key.bytes());
        d.u8();
        long time = d.u64();
        boolean close = d.u8() == 1;
        return new ScheduleEntry(time, close, VoteId.decode(d));
    }

    /** A vote opening or closing at a time. */
    public record ScheduleEntry(long time, boolean close, VoteId vote) {}

    public static RecordKey ballot(VoteId vote, Address voter) {
        Encoder e = new Encoder(54).u8(BALLOT);
        vote.encode(e);
        return key(e.address(voter));
    }

    public static RecordKey ballots(VoteId vote) {
        Encoder e = new Encoder(34).u8(BALLOT);
        vote.encode(e);
        return key(e);
    }

    public static RecordKey checkpoint(long epochStart, Address owner) {
        return key(new Encoder(29).u8(CHECKPOINT).u64(epochStart).address(owner));
    }

    public static RecordKey checkpoints(long epochStart) {
        return key(new Encoder(9).u8(CHECKPOINT).u64(epochStart));
    }

    public static RecordKey seat(Address member) {
        return key(new Encoder(21).u8(SEAT).address(member));
    }

    public static RecordKey seats() {
        return key(new Encoder(1).u8(SEAT));
    }

    public static RecordKey proposal(Hash id) {
        return key(new Encoder(33).u8(PROPOSAL).hash(id));
    }

    public static RecordKey proposals() {
        return key(new Encoder(1).u8(PROPOSAL));
    }

    /** A committee member's internal vote on a vote (G11). */
    public static RecordKey memberVote(VoteId vote, Address member) {
        Encoder e = new Encoder(54).u8(MEMBER_VOTE);
        vote.encode(e);
        return key(e.address(member));
    }

    public static RecordKey memberVotes(VoteId vote) {
        Encoder e = new Encoder(34).u8(MEMBER_VOTE);
        vote.encode(e);
        return key(e);
    }

    public static RecordKey statement(Hash id) {
        return key(new Encoder(33).u8(STATEMENT).hash(id));
    }

    public static RecordKey statements() {
        return key(new Encoder(1).u8(STATEMENT));
    }

    public static RecordKey approval(Hash statement, Address member) {
        return key(new Encoder(53).u8(APPROVAL).hash(statement).address(member));
    }

    public static RecordKey approvals(Hash statement) {
        return key(new Encoder(33).u8(APPROVAL).hash(statement));
    }

    /** The committee's response to a proposal (G33): the first statement published about it. */
    public static RecordKey response(Hash proposal) {
        return key(new Encoder(33).u8(RESPONSE).hash(proposal));
    }

    /** How the reserve voted as one bloc in a proposal's referendum (G11). */
    public static RecordKey bloc(Hash proposal) {
        return key(new Encoder(33).u8(BLOC).hash(proposal));
    }

    public static RecordKey prune(long epochStart) {
        return key(new Encoder(9).u8(PRUNE).u64(epochStart));
    }

    public static RecordKey prunes() {
        return key(new Encoder(1).u8(PRUNE));
    }

    /** The address that ends a key of {@code length} bytes (a ballot's voter, a seat's member). */
    public static Address trailingAddress(RecordKey key) {
        byte[] b = key.bytes();
        return Address.of(java.util.Arrays.copyOfRange(b, b.length - Address.LENGTH, b.length));
    }

    /** The vote a tally or ballot key names. */
    public static VoteId voteOf(RecordKey key) {
        byte[] b = key.bytes();
        return VoteId.decode(new global.cas.codec.Decoder(java.util.Arrays.copyOfRange(b, 1, 1 + 1 + Hash.LENGTH)));
    }

    /** The epoch a checkpoint or prune key names. */
    public static long epochOf(RecordKey key) {
        byte[] b = key.bytes();
        long n = 0;
        for (int i = 1; i < 9; i++) {
            n = (n << 8) | (b[i] & 0xff);
        }
        return n;
    }

    /** A reserve spend asked for by a member (G20), named by the asking transaction. */
    public static RecordKey reserveSpend(Hash id) {
        return key(new Encoder(33).u8(RESERVE_SPEND).hash(id));
    }

    public static RecordKey reserveSpends() {
        return key(new Encoder(1).u8(RESERVE_SPEND));
    }

    public static RecordKey spendApproval(Hash spend, Address member) {
        return key(new Encoder(53).u8(SPEND_APPROVAL).hash(spend).address(member));
    }

    public static RecordKey spendApprovals(Hash spend) {
        return key(new Encoder(33).u8(SPEND_APPROVAL).hash(spend));
    }

    /** The reserve's payout state (G22): the per-coin index, the eligible supply, the excess pending. */
    public static RecordKey payout() {
        return key(new Encoder(1).u8(PAYOUT));
    }

    /** The payout index at which {@code holder} was last credited (G22). */
    public static RecordKey payoutLast(Address holder) {
        return key(new Encoder(21).u8(PAYOUT_LAST).address(holder));
    }

    private static RecordKey key(Encoder e) {
        return RecordKey.of(e.toBytes());
    }
}
