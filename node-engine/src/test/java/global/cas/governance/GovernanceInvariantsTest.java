package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.ElectionBallot;
import global.cas.ledger.ProposalPosting;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.ledger.Transaction;
import global.cas.ledger.Witness;
import global.cas.params.GovernanceParams;
import global.cas.rejection.Reason;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Governance invariants: signed votes (G1), seats from elections only (G3), no privilege (G10), recounts (G38). */
class GovernanceInvariantsTest {
    private static CandidacyDeclaration declare(int k) {
        return new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("c" + k, "", "", "", ""));
    }

    @Test
    @DisplayName(
            "G1: every vote is a transaction signed by the voter alone: a second signer or a forged signature is refused")
    void votesAreSignedTransactions() {
        GovernanceChain chain = new GovernanceChain();
        var first = chain.state().election(1).orElseThrow();
        chain.advanceTo(first.nominationStart());
        chain.block(chain.tx(TestKeys.key(1), declare(1)));
        chain.advanceTo(first.votingStart());
        ElectionBallot ballot = new ElectionBallot(
                1, List.of(new ElectionBallot.Share(TestKeys.key(1).address(), 10_000)));
        Transaction good = chain.tx(TestKeys.key(2), ballot);
        Transaction twoSigners = new Transaction.Unsigned(
                        good.chainId(), good.expiryHeight(), good.inputs(), good.outputs(), good.fee(), ballot)
                .sign(List.of(TestKeys.key(2), TestKeys.key(3)));
        assertThat(chain.refusal(twoSigners).reason()).isEqualTo(Reason.SINGLE_SIGNER);
        Witness w = good.witnesses().get(0);
        Transaction forged = new Transaction.Unsigned(
                        good.chainId(), good.expiryHeight(), good.inputs(), good.outputs(), good.fee(), ballot)
                .withWitnesses(List.of(
                        new Witness(w.key(), TestKeys.key(3).sign(good.id().bytes()))));
        assertThat(chain.refusal(forged).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(chain.refusal(good)).isNull();
    }

    @Test
    @DisplayName("G3, G10: seats come only from elections, and a member's vote weighs its coins, like anyone's")
    void seatsOnlyFromElectionsAndNoPrivilege() {
        GovernanceChain chain = new GovernanceChain();
        var first = chain.state().election(1).orElseThrow();
        chain.advanceTo(first.nominationStart());
        for (int k = 1; k <= 6; k++) {
            chain.block(chain.tx(TestKeys.key(k), declare(k)));
        }
        chain.advanceTo(first.closesAt());
        List<global.cas.crypto.Address> seated = new ArrayList<>();
        chain.state()
                .records()
                .page(GovernanceKeys.seats(), java.util.Optional.empty(), 100)
                .forEach(e -> {
                    if (Records.Seat.decode(e.getValue()).seated()) {
                        seated.add(GovernanceKeys.trailingAddress(e.getKey()));
                    }
                });
        assertThat(seated)
                .containsExactlyInAnyOrderElementsOf(chain.state().election(1).orElseThrow().elected().stream()
                        .map(ElectionCount.Candidate::address)
                        .toList());
        // a seated member and a plain holder of the same balance count the same in a referendum
        Transaction post = chain.tx(TestKeys.key(7), new ProposalPosting("t", "", 0, List.of(), 7));
        chain.block(post);
        chain.advanceTo(chain.state().proposal(post.id()).orElseThrow().supportOpensAt());
        chain.block(
                chain.tx(TestKeys.key(8), new ProposalSupport(post.id(), false)),
                chain.tx(TestKeys.key(9), new ProposalSupport(post.id(), false)));
        chain.advanceTo(chain.state().proposal(post.id()).orElseThrow().referendumOpensAt());
        KeyPair member = TestKeys.key(1);
        KeyPair holder = TestKeys.key(10);
        chain.block(chain.tx(member, new ReferendumBallot(post.id(), 0)));
        chain.block(chain.tx(holder, new ReferendumBallot(post.id(), 1)));
        var ref = VoteId.referendum(post.id());
        assertThat(chain.state().ballot(ref, member.address()).orElseThrow().weight())
                .isEqualTo(chain.balance(member));
        assertThat(chain.state().ballot(ref, holder.address()).orElseThrow().weight())
                .isEqualTo(chain.balance(holder));
    }

    @Test
    @DisplayName(
            "G38, G2, G8: over seeded random transfers, ballots, changes, withdrawals, seat losses and closes, every recount equals the running totals")
    void recountsAlwaysAgree() {
        // CI runs 2,000 steps; -Dcas.gov.steps=100000 runs the long version (docs/benchmarks.md), whose
        // election stays open throughout and which posts a new proposal every 100 blocks
        int total = Integer.getInteger("cas.gov.steps", 2_000);
        boolean longRun = total > 2_000;
        Random random = new Random(20261203L);
        GovernanceParams g = GovernanceChain.PARAMS;
        GovernanceChain chain =
                new GovernanceChain(longRun ? GovernanceChain.windows(g.dayMillis(), 1_000_000, 6, 999_000) : g);
        var first = chain.state().election(1).orElseThrow();
        chain.advanceTo(first.nominationStart());
        int[] candidates = {1, 2, 3, 12, 13};
        for (int k : candidates) {
            chain.block(chain.tx(TestKeys.key(k), declare(k)));
        }
        Transaction first4 = chain.tx(TestKeys.key(4), new ProposalPosting("p", "", 0, List.of(), 7));
        chain.block(first4);
        Transaction post = first4;
        chain.advanceTo(first.votingStart());
        int steps = 0;
        int checks = 0;
        int blocks = 0;
        while (steps < total) {
            if (longRun && ++blocks % 100 == 0) {
                post = chain.tx(TestKeys.key(4), new ProposalPosting("p" + blocks, "", 0, List.of(), 7));
                chain.block(post);
            }
            List<Transaction> block = new ArrayList<>();
            java.util.Set<Integer> used = new java.util.HashSet<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                int who = 1 + random.nextInt(15);
                if (!used.add(who)) {
                    continue;
                }
                KeyPair k = TestKeys.key(who);
                if (chain.balance(k) < Amounts.cas(2)) {
                    continue;
                }
                Transaction tx = switch (random.nextInt(6)) {
                    case 0 ->
                        chain.pay(
                                k,
                                TestKeys.key(1 + random.nextInt(15)).address(),
                                1 + (long) (random.nextDouble() * Math.max(1, chain.balance(k) / 3)));
                    case 1 -> {
                        int a = candidates[random.nextInt(candidates.length)];
                        int b = candidates[random.nextInt(candidates.length)];
                        int bp = 1 + random.nextInt(9_999);
                        yield chain.tx(
                                k,
                                a == b
                                        ? new ElectionBallot(
                                                1,
                                                List.of(new ElectionBallot.Share(
                                                        TestKeys.key(a).address(), 10_000)))
                                        : new ElectionBallot(
                                                1,
                                                List.of(
                                                        new ElectionBallot.Share(
                                                                TestKeys.key(a).address(), bp),
                                                        new ElectionBallot.Share(
                                                                TestKeys.key(b).address(), 10_000 - bp))));
                    }
                    case 2 -> chain.tx(k, new ElectionBallot(1, List.of()));
                    case 3 -> chain.tx(k, new ProposalSupport(post.id(), random.nextBoolean()));
                    case 4 -> chain.tx(k, new ReferendumBallot(post.id(), random.nextInt(4)));
                    default -> chain.pay(k, k.address(), 1);
                };
                if (chain.refusal(tx) == null) {
                    block.add(tx);
                    steps++;
                }
            }
            chain.block(block.toArray(Transaction[]::new));
            for (VoteId v : GovernanceAudit.votes(chain.state().records())) {
                var r = GovernanceAudit.recount(
                        chain.state().records(), chain.node().state(), v);
                assertThat(r.agrees()).as("%s after %d steps: %s", v, steps, r).isTrue();
                checks++;
            }
        }
        assertThat(checks).isGreaterThan(total / 2);
        if (longRun) {
            System.out.printf(
                    "%d steps, %d blocks, %d recounts, all equal to the running totals%n", steps, blocks, checks);
        } else {
            assertThat(chain.state().election(1).orElseThrow().closed()).isTrue();
        }
    }
}
