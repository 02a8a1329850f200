package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.CandidacyWithdrawal;
import global.cas.ledger.ElectionBallot;
import global.cas.params.GovernanceParams;
import global.cas.rejection.Reason;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Elections on chain (G2–G9): candidacies, split ballots, the count, seats and their loss. */
class ElectionRulesTest {
    private final GovernanceChain chain = new GovernanceChain();
    private final Records.Election first = chain.state().election(1).orElseThrow();

    private static CandidacyDeclaration declare(String name) {
        return new CandidacyDeclaration(
                1, new CandidacyDeclaration.Profile(name, "born 1990", "engineer", "university", "more blocks"));
    }

    private static ElectionBallot all(KeyPair candidate) {
        return new ElectionBallot(1, List.of(new ElectionBallot.Share(candidate.address(), 10_000)));
    }

    private void nominate(int... keys) {
        chain.advanceTo(first.nominationStart());
        for (int k : keys) {
            chain.block(chain.tx(TestKeys.key(k), declare("candidate " + k)));
        }
    }

    @Test
    @DisplayName("G9: genesis seats the transitional committee and schedules the first election within 12 months")
    void genesisSeatsTheTransitionalCommittee() {
        for (int i = 11; i <= 15; i++) {
            Records.Seat s = chain.state().seat(TestKeys.key(i).address()).orElseThrow();
            assertThat(s.kind()).isEqualTo(Records.SeatKind.TRANSITIONAL);
            assertThat(s.seated()).isTrue();
        }
        assertThat(first.closesAt() - chain.params().genesisTime()).isEqualTo(30 * GovernanceChain.DAY);
        var mainnetLike = Genesis.build(TestChain.params());
        GovernanceState s = GovernanceState.empty();
        s.apply(mainnetLike.governance(), mainnetLike.governanceTree());
        long close = s.election(1).orElseThrow().closesAt() - TestChain.params().genesisTime();
        assertThat(close).isLessThanOrEqualTo(365L * GovernanceParams.DAY_MILLIS);
    }

    @Test
    @DisplayName("G7: a candidacy is accepted in the nomination window only, and a ballot in the voting window only")
    void windows() {
        var early = chain.tx(TestKeys.key(1), declare("early"));
        assertThat(chain.refusal(early).reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
        nominate(1);
        var ballot = chain.tx(TestKeys.key(2), all(TestKeys.key(1)));
        assertThat(chain.refusal(ballot).reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
        chain.advanceTo(first.votingStart());
        var late = chain.tx(TestKeys.key(3), declare("late"));
        assertThat(chain.refusal(late).reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
        chain.block(chain.tx(TestKeys.key(2), all(TestKeys.key(1))));
        chain.advanceTo(first.closesAt());
        var afterClose = chain.tx(
                TestKeys.key(4), new ElectionBallot(1, all(TestKeys.key(1)).shares()));
        assertThat(chain.refusal(afterClose).reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
    }

    @Test
    @DisplayName("G4: a candidacy needs 10,000 CAS after its fee, and an address declares once per election")
    void candidacyNeedsTheMinimum() {
        KeyPair poor = TestKeys.key(30);
        chain.block(chain.pay(TestKeys.key(1), poor.address(), Amounts.cas(9_999)));
        nominate();
        assertThat(chain.refusal(chain.tx(poor, declare("poor"))).reason()).isEqualTo(Reason.BELOW_CANDIDACY_MINIMUM);
        chain.block(chain.tx(TestKeys.key(2), declare("once")));
        assertThat(chain.refusal(chain.tx(TestKeys.key(2), declare("twice"))).reason())
                .isEqualTo(Reason.ALREADY_CANDIDATE);
        chain.block(chain.tx(TestKeys.key(2), new CandidacyWithdrawal(1)));
        assertThat(chain.state()
                        .candidacy(1, TestKeys.key(2).address())
                        .orElseThrow()
                        .standing())
                .isEqualTo(Records.Standing.WITHDRAWN);
        assertThat(chain.refusal(chain.tx(TestKeys.key(2), new CandidacyWithdrawal(1)))
                        .reason())
                .isEqualTo(Reason.NOTHING_TO_WITHDRAW);
    }

    @Test
    @DisplayName("G5: shares not summing to 10,000, a candidate named twice or a non-candidate are refused")
    void badBallotsAreRefused() {
        nominate(1, 2);
        chain.advanceTo(first.votingStart());
        KeyPair voter = TestKeys.key(3);
        var a = TestKeys.key(1).address();
        var b = TestKeys.key(2).address();
        var notSumming =
                new ElectionBallot(1, List.of(new ElectionBallot.Share(a, 6_000), new ElectionBallot.Share(b, 3_000)));
        assertThat(chain.refusal(chain.tx(voter, notSumming)).reason()).isEqualTo(Reason.MALFORMED);
        var twice =
                new ElectionBallot(1, List.of(new ElectionBallot.Share(a, 5_000), new ElectionBallot.Share(a, 5_000)));
        assertThat(chain.refusal(chain.tx(voter, twice)).reason()).isEqualTo(Reason.MALFORMED);
        var stranger = new ElectionBallot(
                1, List.of(new ElectionBallot.Share(TestKeys.key(9).address(), 10_000)));
        assertThat(chain.refusal(chain.tx(voter, stranger)).reason()).isEqualTo(Reason.NOT_CANDIDATE);
        assertThat(chain.state().tally(VoteId.election(1)).orElseThrow().voters())
                .isZero();
    }

    @Test
    @DisplayName(
            "G5, G2: a split ballot gives each candidate its share, rounded down; a new ballot replaces it; withdrawing removes it")
    void splitBallotsMoveTheTally() {
        nominate(1, 2);
        chain.advanceTo(first.votingStart());
        KeyPair voter = TestKeys.key(3);
        var a = TestKeys.key(1).address();
        var b = TestKeys.key(2).address();
        chain.block(chain.tx(
                voter,
                new ElectionBallot(
                        1, List.of(new ElectionBallot.Share(a, 6_000), new ElectionBallot.Share(b, 4_000)))));
        long w = chain.balance(voter);
        assertThat(chain.state().candidacy(1, a).orElseThrow().votes())
                .isEqualTo(w / 10_000 * 6_000 + (w % 10_000) * 6_000 / 10_000);
        assertThat(chain.state().candidacy(1, b).orElseThrow().votes())
                .isEqualTo(w / 10_000 * 4_000 + (w % 10_000) * 4_000 / 10_000);
        chain.block(chain.tx(voter, all(TestKeys.key(2))));
        long w2 = chain.balance(voter);
        assertThat(chain.state().candidacy(1, a).orElseThrow().votes()).isZero();
        assertThat(chain.state().candidacy(1, b).orElseThrow().votes()).isEqualTo(w2);
        chain.block(chain.tx(voter, new ElectionBallot(1, List.of())));
        assertThat(chain.state().candidacy(1, b).orElseThrow().votes()).isZero();
        assertThat(chain.state().tally(VoteId.election(1)).orElseThrow().voters())
                .isZero();
    }

    @Test
    @DisplayName(
            "G2: a vote's weight is min(balance at the opening, balance now): selling removes weight, buying adds none")
    void weightIsLiveAndCapped() {
        nominate(1);
        chain.advanceTo(first.votingStart());
        KeyPair voter = TestKeys.key(3);
        long atOpen = chain.balance(voter);
        chain.block(chain.tx(voter, all(TestKeys.key(1))));
        var a = TestKeys.key(1).address();
        long afterFee = chain.balance(voter);
        assertThat(chain.state().candidacy(1, a).orElseThrow().votes()).isEqualTo(afterFee);
        chain.block(chain.pay(voter, TestKeys.key(4).address(), Amounts.cas(40_000_000)));
        assertThat(chain.state().candidacy(1, a).orElseThrow().votes()).isEqualTo(chain.balance(voter));
        chain.block(chain.pay(TestKeys.key(5), voter.address(), Amounts.cas(90_000_000)));
        assertThat(chain.balance(voter)).isGreaterThan(atOpen);
        assertThat(chain.state().candidacy(1, a).orElseThrow().votes()).isEqualTo(atOpen);
        assertThat(chain.state()
                        .ballot(VoteId.election(1), voter.address())
                        .orElseThrow()
                        .balanceAtOpen())
                .isEqualTo(atOpen);
        assertThat(GovernanceAudit.recount(chain.state().records(), chain.node().state(), VoteId.election(1))
                        .agrees())
                .isTrue();
    }

    @Test
    @DisplayName(
            "G6, G9: fewer than five reach 200,000,000, so the top five are elected; the transitional committee is dissolved")
    void topFiveElected() {
        nominate(1, 2, 3, 4, 5, 6);
        chain.advanceTo(first.votingStart());
        // 7, 8 and 9 give candidate 1 over 200,000,000; 10 and the others' own coins rank the rest
        chain.block(
                chain.tx(TestKeys.key(7), all(TestKeys.key(1))),
                chain.tx(TestKeys.key(8), all(TestKeys.key(1))),
                chain.tx(TestKeys.key(9), all(TestKeys.key(1))));
        chain.block(chain.tx(TestKeys.key(10), all(TestKeys.key(2))), chain.tx(TestKeys.key(2), all(TestKeys.key(2))));
        chain.block(
                chain.tx(TestKeys.key(3), all(TestKeys.key(3))),
                chain.tx(TestKeys.key(4), all(TestKeys.key(4))),
                chain.tx(TestKeys.key(5), all(TestKeys.key(5))));
        chain.advanceTo(first.closesAt());
        Records.Election closed = chain.state().election(1).orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(closed.elected())
                .extracting(ElectionCount.Candidate::address)
                .containsExactly(
                        TestKeys.key(1).address(),
                        TestKeys.key(2).address(),
                        TestKeys.key(3).address(),
                        TestKeys.key(4).address(),
                        TestKeys.key(5).address());
        assertThat(closed.elected().get(0).votes()).isGreaterThanOrEqualTo(Amounts.cas(200_000_000));
        assertThat(closed.runnersUp())
                .extracting(ElectionCount.Candidate::address)
                .containsExactly(TestKeys.key(6).address());
        for (int i = 11; i <= 15; i++) {
            assertThat(chain.state()
                            .seat(TestKeys.key(i).address())
                            .orElseThrow()
                            .standing())
                    .isEqualTo(Records.Standing.ENDED);
        }
        assertThat(chain.state().seat(TestKeys.key(1).address()).orElseThrow().seated())
                .isTrue();
        assertThat(chain.state().meta()).isEqualTo(new Records.Meta(2, 1));
        Records.Election second = chain.state().election(2).orElseThrow();
        assertThat(second.closesAt() - closed.closesAt()).isEqualTo(30 * GovernanceChain.DAY);
    }

    @Test
    @DisplayName("G6: equal votes are ranked by the earlier candidacy")
    void tiesGoToTheEarlierCandidacy() {
        chain.advanceTo(first.nominationStart());
        chain.block(chain.tx(TestKeys.key(20 - 19), declare("first")));
        for (int k = 2; k <= 6; k++) {
            chain.block(chain.tx(TestKeys.key(k), declare("c" + k)));
        }
        chain.advanceTo(first.closesAt());
        // nobody voted: all tie at 0, so the five earliest candidacies win
        assertThat(chain.state().election(1).orElseThrow().elected())
                .extracting(ElectionCount.Candidate::address)
                .containsExactly(
                        TestKeys.key(1).address(),
                        TestKeys.key(2).address(),
                        TestKeys.key(3).address(),
                        TestKeys.key(4).address(),
                        TestKeys.key(5).address());
    }

    @Test
    @DisplayName(
            "G8: a member whose balance falls below 10,000 CAS loses the seat in that block, and a runner-up who qualifies takes it")
    void seatLostAndRefilled() {
        nominate(1, 2, 3, 4, 5, 6, 12);
        chain.advanceTo(first.closesAt());
        // key 12 holds 20,000 CAS; six candidates with 0 votes: 1..5 elected, 6 and 12 runners-up
        KeyPair member = TestKeys.key(5);
        assertThat(chain.state().seat(member.address()).orElseThrow().seated()).isTrue();
        long keep = Amounts.cas(9_000);
        chain.block(chain.pay(member, TestKeys.key(7).address(), chain.balance(member) - keep - Amounts.cas(1)));
        assertThat(chain.state().seat(member.address()).orElseThrow().standing())
                .isEqualTo(Records.Standing.LOST);
        assertThat(chain.state().seat(member.address()).orElseThrow().standingHeight())
                .isEqualTo(chain.height());
        assertThat(chain.state().seat(TestKeys.key(6).address()).orElseThrow().seated())
                .isTrue();
    }

    @Test
    @DisplayName("G8: a candidate whose balance falls below 10,000 CAS loses its candidacy and cannot be elected")
    void candidacyLost() {
        nominate(12);
        KeyPair poorer = TestKeys.key(12);
        chain.block(chain.pay(poorer, TestKeys.key(7).address(), Amounts.cas(15_000)));
        assertThat(chain.state().candidacy(1, poorer.address()).orElseThrow().standing())
                .isEqualTo(Records.Standing.LOST);
        chain.advanceTo(first.closesAt());
        assertThat(chain.state().election(1).orElseThrow().elected()).isEmpty();
    }

    @Test
    @DisplayName(
            "G9: an election with no candidate elects no one and the sitting committee stays; missed elections are skipped")
    void voidElectionKeepsTheCommittee() {
        chain.advanceTo(first.closesAt());
        assertThat(chain.state().election(1).orElseThrow().closed()).isTrue();
        assertThat(chain.state().meta().transitionalDissolved()).isFalse();
        assertThat(chain.state().seat(TestKeys.key(11).address()).orElseThrow().seated())
                .isTrue();
        long second = chain.state().election(2).orElseThrow().closesAt();
        chain.node().skip(5 * 30 * GovernanceChain.DAY);
        chain.block();
        chain.block();
        Records.Election next = chain.state().election(3).orElseThrow();
        assertThat(next.closesAt()).isGreaterThan(chain.time());
        assertThat((next.closesAt() - second) % (30 * GovernanceChain.DAY)).isZero();
    }
}
