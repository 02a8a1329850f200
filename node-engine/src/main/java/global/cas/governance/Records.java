package global.cas.governance;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.ledger.CandidacyDeclaration.Profile;
import global.cas.ledger.ProposalPosting.Change;
import java.util.List;
import java.util.OptionalLong;

/**
 * The governance module's records, each with its canonical encoding (the bytes stored, hashed
 * into the module's root and proven by a receipt). Times are block times in milliseconds, heights
 * block heights. Immutable.
 */
public final class Records {
    private Records() {}

    /** Decodes {@code bytes} completely with {@code reader}; anything left over is damage. */
    static <T> T decode(byte[] bytes, java.util.function.Function<Decoder, T> reader) {
        Decoder d = new Decoder(bytes);
        T t = reader.apply(d);
        d.finish();
        return t;
    }

    /**
     * The module's bookkeeping: the election under way and the last election that elected anyone
     * (0 while none has: the transitional committee sits, G9), whose runners-up refill seats (G8).
     */
    public record Meta(long currentElection, long lastHeldElection) {
        public byte[] encode() {
            return new Encoder(16).u64(currentElection).u64(lastHeldElection).toBytes();
        }

        public static Meta decode(byte[] b) {
            return Records.decode(b, d -> new Meta(d.u64(), d.u64()));
        }

        /** G9: whether an election has replaced the transitional committee. */
        public boolean transitionalDissolved() {
            return lastHeldElection > 0;
        }
    }

    /**
     * One election (G7): its windows, and once closed the elected in rank order and the runners-up
     * with their votes, which refill lost seats (G8).
     */
    public record Election(
            long number,
            long nominationStart,
            long votingStart,
            long closesAt,
            boolean closed,
            long closedHeight,
            List<ElectionCount.Candidate> elected,
            List<ElectionCount.Candidate> runnersUp) {
        public Election {
            elected = List.copyOf(elected);
            runnersUp = List.copyOf(runnersUp);
        }

        public byte[] encode() {
            Encoder e = new Encoder(64);
            e.u64(number)
                    .u64(nominationStart)
                    .u64(votingStart)
                    .u64(closesAt)
                    .u8(closed ? 1 : 0)
                    .u64(closedHeight);
            e.list(elected, Records::candidate).list(runnersUp, Records::candidate);
            return e.toBytes();
        }

        public static Election decode(byte[] b) {
            return Records.decode(
                    b,
                    d -> new Election(
                            d.u64(),
                            d.u64(),
                            d.u64(),
                            d.u64(),
                            flag(d),
                            d.u64(),
                            d.list(100_000, Records::candidate),
                            d.list(100_000, Records::candidate)));
        }

        /** Whether {@code time} falls in the nomination window (G7). */
        public boolean nominating(long time) {
            return time >= nominationStart && time < votingStart;
        }
    }

    private static void candidate(Encoder e, ElectionCount.Candidate c) {
        e.address(c.address()).u64(c.candidacyOrder()).u64(c.votes());
    }

    private static ElectionCount.Candidate candidate(Decoder d) {
        return new ElectionCount.Candidate(d.address(), d.u64(), d.u64());
    }

    /** The status of a candidacy or a seat. */
    public enum Standing {
        ACTIVE,
        WITHDRAWN,
        LOST,
        ENDED
    }

    /**
     * A candidacy (G4): the profile, its order (height and transaction index, the G6 tie-break),
     * its standing with the height it took it, and the votes its ballots give it now.
     */
    public record Candidacy(Profile profile, long order, Standing standing, long standingHeight, long votes) {
        public byte[] encode() {
            Encoder e = new Encoder(256);
            profile.encode(e);
            return e.u64(order)
                    .u8(standing.ordinal())
                    .u64(standingHeight)
                    .u64(votes)
                    .toBytes();
        }

        public static Candidacy decode(byte[] b) {
            return Records.decode(b, d -> new Candidacy(Profile.decode(d), d.u64(), readStanding(d), d.u64(), d.u64()));
        }

        public Candidacy withVotes(long v) {
            return new Candidacy(profile, order, standing, standingHeight, v);
        }

        public Candidacy withStanding(Standing s, long height) {
            return new Candidacy(profile, order, s, height, votes);
        }
    }

    private static Standing readStanding(Decoder d) {
        int s = d.u8();
        if (s >= Standing.values().length) {
            throw Decoder.malformed("unknown standing " + s);
        }
        return Standing.values()[s];
    }

    private static boolean flag(Decoder d) {
        int f = d.u8();
        if (f > 1) {
            throw Decoder.malformed("a flag is 0 or 1");
        }
        return f == 1;
    }

    /** The state of a tally. */
    public enum TallyState {
        PENDING,
        OPEN,
        CLOSED
    }

    /**
     * The running totals of one vote (G2): when it opens (an epoch boundary) and closes ({@code
     * Long.MAX_VALUE} while no close is set), its state, each option's total (election votes sit in
     * the candidacies), the sum of the counted weights and the number of standing ballots.
     */
    public record Tally(
            VoteId vote, long opensAt, long closesAt, TallyState state, List<Long> totals, long weight, int voters) {
        public Tally {
            totals = List.copyOf(totals);
        }

        public static Tally pending(VoteId vote, long opensAt, long closesAt) {
            return new Tally(
                    vote,
                    opensAt,
                    closesAt,
                    TallyState.PENDING,
                    java.util.Collections.nCopies(vote.options(), 0L),
                    0,
                    0);
        }

        public boolean open() {
            return state == TallyState.OPEN;
        }

        public long total(int option) {
            return totals.get(option);
        }

        public Tally with(TallyState s) {
            return new Tally(vote, opensAt, closesAt, s, totals, weight, voters);
        }

        public Tally closingAt(long time) {
            return new Tally(vote, opensAt, time, state, totals, weight, voters);
        }

        /** The tally after adding {@code sign} times a ballot of {@code weight} for {@code option}. */
        public Tally add(int option, long w, int sign, int voterChange) {
            java.util.ArrayList<Long> t = new java.util.ArrayList<>(totals);
            if (option >= 0) {
                t.set(option, Math.addExact(t.get(option), sign * w));
            }
            return new Tally(vote, opensAt, closesAt, state, t, Math.addExact(weight, sign * w), voters + voterChange);
        }

        public byte[] encode() {
            Encoder e = new Encoder(96);
            vote.encode(e);
            e.u64(opensAt).u64(closesAt).u8(state.ordinal());
            e.list(totals, Encoder::u64);
            return e.u64(weight).u32(voters).toBytes();
        }

        public static Tally decode(byte[] b) {
            return Records.decode(b, d -> {
                VoteId v = VoteId.decode(d);
                long opens = d.u64();
                long closes = d.u64();
                int s = d.u8();
                if (s >= TallyState.values().length) {
                    throw Decoder.malformed("unknown tally state " + s);
                }
                return new Tally(v, opens, closes, TallyState.values()[s], d.list(3, Decoder::u64), d.u64(), d.u32());
            });
        }
    }

    /**
     * A voter's standing ballot (G2, G38): its choice (an election's shares, a referendum's vote,
     * nothing for support), the balance when the vote opened, the weight counted now, and the
     * height of the transaction that cast it.
     */
    public record Ballot(List<BallotSplit.Share> shares, int choice, long balanceAtOpen, long weight, long castHeight) {
        public Ballot {
            shares = List.copyOf(shares);
        }

        public Ballot withWeight(long w) {
            return new Ballot(shares, choice, balanceAtOpen, w, castHeight);
        }

        public byte[] encode() {
            Encoder e = new Encoder(64);
            e.list(shares, (x, s) -> x.address(s.candidate()).u32(s.basisPoints()));
            return e.u8(choice).u64(balanceAtOpen).u64(weight).u64(castHeight).toBytes();
        }

        public static Ballot decode(byte[] b) {
            return Records.decode(
                    b,
                    d -> new Ballot(
                            d.list(BallotSplit.MAX_CANDIDATES, x -> new BallotSplit.Share(x.address(), x.u32())),
                            d.u8(),
                            d.u64(),
                            d.u64(),
                            d.u64()));
        }
    }

    /** The kind of a seat. */
    public enum SeatKind {
        TRANSITIONAL,
        ELECTED
    }

    /** A committee seat (G3, G8, G9): its kind, the election that gave it, and its standing. */
    public record Seat(SeatKind kind, long election, long seatedHeight, Standing standing, long standingHeight) {
        public boolean seated() {
            return standing == Standing.ACTIVE;
        }

        public Seat with(Standing s, long height) {
            return new Seat(kind, election, seatedHeight, s, height);
        }

        public byte[] encode() {
            return new Encoder(32)
                    .u8(kind.ordinal())
                    .u64(election)
                    .u64(seatedHeight)
                    .u8(standing.ordinal())
                    .u64(standingHeight)
                    .toBytes();
        }

        public static Seat decode(byte[] b) {
            return Records.decode(b, d -> {
                int k = d.u8();
                if (k > 1) {
                    throw Decoder.malformed("unknown seat kind " + k);
                }
                return new Seat(SeatKind.values()[k], d.u64(), d.u64(), readStanding(d), d.u64());
            });
        }
    }

    /** Where a proposal stands (G32–G35). */
    public enum Stage {
        SUPPORT,
        REFERENDUM,
        PASSED,
        FAILED
    }

    /**
     * A proposal (G30–G37): what was posted, when its support opens, its latches (G32–G34), its
     * referendum's window, and once closed its stage and the height a passed {@code parameter}
     * proposal takes effect at (G37).
     */
    public record Proposal(
            Address proposer,
            String title,
            String text,
            ProposalKind kind,
            List<Change> changes,
            int referendumDays,
            long postedHeight,
            long postedTime,
            long supportOpensAt,
            SupportLatch latch,
            Stage stage,
            long referendumOpensAt,
            long referendumClosesAt,
            long closedHeight,
            long effectiveHeight) {
        public Proposal {
            changes = List.copyOf(changes);
        }

        public Proposal with(SupportLatch l) {
            return new Proposal(
                    proposer,
                    title,
                    text,
                    kind,
                    changes,
                    referendumDays,
                    postedHeight,
                    postedTime,
                    supportOpensAt,
                    l,
                    stage,
                    referendumOpensAt,
                    referendumClosesAt,
                    closedHeight,
                    effectiveHeight);
        }

        public Proposal referendum(long opensAt, long closesAt) {
            return new Proposal(
                    proposer,
                    title,
                    text,
                    kind,
                    changes,
                    referendumDays,
                    postedHeight,
                    postedTime,
                    supportOpensAt,
                    latch,
                    Stage.REFERENDUM,
                    opensAt,
                    closesAt,
                    closedHeight,
                    effectiveHeight);
        }

        public Proposal closed(Stage s, long height, long effective) {
            return new Proposal(
                    proposer,
                    title,
                    text,
                    kind,
                    changes,
                    referendumDays,
                    postedHeight,
                    postedTime,
                    supportOpensAt,
                    latch,
                    s,
                    referendumOpensAt,
                    referendumClosesAt,
                    height,
                    effective);
        }

        public byte[] encode() {
            Encoder e = new Encoder(256);
            e.address(proposer).string(title).string(text).u8(kind.ordinal());
            e.list(changes, (x, c) -> x.string(c.name()).u64(c.value()));
            e.u32(referendumDays).u64(postedHeight).u64(postedTime).u64(supportOpensAt);
            optional(e, latch.responseDueSince());
            optional(e, latch.referendumSince());
            return e.u8(stage.ordinal())
                    .u64(referendumOpensAt)
                    .u64(referendumClosesAt)
                    .u64(closedHeight)
                    .u64(effectiveHeight)
                    .toBytes();
        }

        public static Proposal decode(byte[] b) {
            return Records.decode(b, d -> {
                Address proposer = d.address();
                String title = d.string(global.cas.ledger.ProposalPosting.MAX_TITLE);
                String text = d.string(global.cas.ledger.ProposalPosting.MAX_TEXT);
                int k = d.u8();
                if (k >= ProposalKind.values().length) {
                    throw Decoder.malformed("unknown proposal kind " + k);
                }
                List<Change> changes = d.list(
                        global.cas.ledger.ProposalPosting.MAX_CHANGES,
                        x -> new Change(x.string(global.cas.ledger.ProposalPosting.MAX_NAME), x.u64()));
                int days = d.u32();
                long postedHeight = d.u64();
                long postedTime = d.u64();
                long supportOpens = d.u64();
                SupportLatch latch = new SupportLatch(optional(d), optional(d));
                int s = d.u8();
                if (s >= Stage.values().length) {
                    throw Decoder.malformed("unknown proposal stage " + s);
                }
                return new Proposal(
                        proposer,
                        title,
                        text,
                        ProposalKind.values()[k],
                        changes,
                        days,
                        postedHeight,
                        postedTime,
                        supportOpens,
                        latch,
                        Stage.values()[s],
                        d.u64(),
                        d.u64(),
                        d.u64(),
                        d.u64());
            });
        }
    }

    private static void optional(Encoder e, OptionalLong v) {
        e.u8(v.isPresent() ? 1 : 0);
        if (v.isPresent()) {
            e.u64(v.getAsLong());
        }
    }

    private static OptionalLong optional(Decoder d) {
        return flag(d) ? OptionalLong.of(d.u64()) : OptionalLong.empty();
    }

    /** A committee member's internal vote (G11): a referendum choice, or an election split. */
    public record MemberVote(List<BallotSplit.Share> shares, int choice, long height) {
        public MemberVote {
            shares = List.copyOf(shares);
        }

        public byte[] encode() {
            Encoder e = new Encoder(32);
            e.list(shares, (x, s) -> x.address(s.candidate()).u32(s.basisPoints()));
            return e.u8(choice).u64(height).toBytes();
        }

        public static MemberVote decode(byte[] b) {
            return Records.decode(
                    b,
                    d -> new MemberVote(
                            d.list(BallotSplit.MAX_CANDIDATES, x -> new BallotSplit.Share(x.address(), x.u32())),
                            d.u8(),
                            d.u64()));
        }
    }

    /** The kinds of committee statement (G12). */
    public static final List<String> STATEMENT_KINDS =
            List.of("support", "advocacy", "reservation", "opposition", "condemnation");

    /**
     * A committee statement (G12): who drafted it, its kind, what it is about (a proposal, or a
     * participant's address in the last 20 bytes), its text, and once more than half of the seated
     * members approved it, when it was published.
     */
    public record Statement(
            Address drafter,
            int kind,
            boolean aboutProposal,
            global.cas.crypto.Hash subject,
            String text,
            long draftedHeight,
            boolean published,
            long publishedHeight,
            long publishedTime) {
        public Statement publishedAt(long height, long time) {
            return new Statement(drafter, kind, aboutProposal, subject, text, draftedHeight, true, height, time);
        }

        public byte[] encode() {
            Encoder e = new Encoder(128);
            e.address(drafter)
                    .u8(kind)
                    .u8(aboutProposal ? 1 : 0)
                    .hash(subject)
                    .string(text)
                    .u64(draftedHeight);
            return e.u8(published ? 1 : 0)
                    .u64(publishedHeight)
                    .u64(publishedTime)
                    .toBytes();
        }

        public static Statement decode(byte[] b) {
            return Records.decode(
                    b,
                    d -> new Statement(
                            d.address(),
                            d.u8(),
                            flag(d),
                            d.hash(),
                            d.string(global.cas.ledger.CommitteeStatement.MAX_TEXT),
                            d.u64(),
                            flag(d),
                            d.u64(),
                            d.u64()));
        }
    }

    /** The committee's response to a proposal (G33): the statement and the time it was published. */
    public record Response(global.cas.crypto.Hash statement, long time) {
        public byte[] encode() {
            return new Encoder(40).hash(statement).u64(time).toBytes();
        }

        public static Response decode(byte[] b) {
            return Records.decode(b, d -> new Response(d.hash(), d.u64()));
        }
    }

    /**
     * How the reserve voted in a referendum (G11): the direction (0 yes, 1 no, 2 abstain) and the
     * reserve's balance counted with it at the close (0 when it abstained).
     */
    public record Bloc(int direction, long weight) {
        public byte[] encode() {
            return new Encoder(9).u8(direction).u64(weight).toBytes();
        }

        public static Bloc decode(byte[] b) {
            return Records.decode(b, d -> new Bloc(d.u8(), d.u64()));
        }
    }

    /** A balance at an epoch's start, kept while a vote opened there is open (G2). */
    public static byte[] encodeBalance(long balance) {
        return new Encoder(8).u64(balance).toBytes();
    }

    public static long decodeBalance(byte[] b) {
        return Records.decode(b, Decoder::u64);
    }
}
