package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ChainParams;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Action;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.ElectionBallot;
import global.cas.ledger.ProposalPosting;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What governance costs a node (docs/benchmarks.md, issue 9): a chain of 100,000 holders with
 * 1,000 or 10,000 ballots in an open election; a block of 2,000 transfers from voters (each moves a
 * running total through the balance hook, G2) against 2,000 from holders who did not vote, run
 * alternately; the block that closes the election and the one that closes a referendum, with
 * 1,000 and with 10,000 voters (G38: a close reads the running totals, never the ballots); and a
 * full recount from the records. Prints the figures; asserts only that recounts agree.
 */
@Tag("benchmark")
class GovernanceBenchmarkTest {
    static final int HOLDERS = 100_000;
    static final int BLOCK = 2_000;
    static final int ROUNDS = 5;
    static final int MEASURED = 10;

    /** A node whose genesis gives 100,000 holders 5,000 CAS each; holders 0..keyed-1 have test keys. */
    private static final class Chain {
        final TestNode node;
        final List<KeyPair> keyed = new ArrayList<>();

        Chain(int keyedHolders) {
            List<ChainParams.Allocation> a = new ArrayList<>();
            long each = Amounts.cas(5_000);
            Random r = new Random(9);
            for (int i = 0; i < HOLDERS; i++) {
                Address to;
                if (i < keyedHolders) {
                    KeyPair k = TestKeys.key(100_000 + i);
                    keyed.add(k);
                    to = k.address();
                } else {
                    byte[] b = new byte[Address.LENGTH];
                    r.nextBytes(b);
                    to = Address.of(b);
                }
                a.add(new ChainParams.Allocation(to, each));
            }
            List<Address> committee = new ArrayList<>();
            for (int i = 11; i <= 15; i++) {
                a.add(new ChainParams.Allocation(TestKeys.key(i).address(), Amounts.cas(20_000)));
                committee.add(TestKeys.key(i).address());
            }
            long rest = ChainParams.GENESIS_ISSUE
                    - ChainParams.RESERVE_AT_GENESIS
                    - each * HOLDERS
                    - Amounts.cas(20_000) * 5;
            for (int i = 1; i <= 10; i++) {
                a.add(new ChainParams.Allocation(TestKeys.key(i).address(), rest / 10 + (i == 1 ? rest % 10 : 0)));
            }
            ChainParams p = TestChain.params()
                    .withAllocations(a)
                    .withTransitionalCommittee(committee)
                    .withGovernance(GovernanceChain.PARAMS);
            node = new TestNode(p);
        }

        GovernanceState gov() {
            return node.chainState().governance();
        }

        long time() {
            return node.tip().time();
        }

        Transaction act(KeyPair k, Action action) {
            UnspentOutput in = node.state().unspentOf(k.address()).get(0);
            long fee = Math.max(GovernanceChain.PARAMS.proposalFee(), TestChain.MIN_FEE_PER_BYTE * 40_000);
            return new Transaction.Unsigned(
                            TestChain.CHAIN_ID,
                            node.tip().height() + 100,
                            List.of(in.ref()),
                            List.of(new TxOutput(
                                    k.address(), AssetId.CAS, in.output().amount() - fee)),
                            fee,
                            action)
                    .sign(List.of(k));
        }

        Transaction pay(KeyPair k, Address to) {
            UnspentOutput in = node.state().unspentOf(k.address()).get(0);
            return TestChain.pay(k, in, to, Amounts.cas(1), node.tip().height() + 100);
        }

        void blocks(List<Transaction> txs) {
            for (int i = 0; i < txs.size(); i += BLOCK) {
                int before = node.dropped().size();
                node.produce(txs.subList(i, Math.min(txs.size(), i + BLOCK)));
                assertThat(node.dropped()).hasSize(before);
            }
        }

        void advanceTo(long t) {
            if (time() + 2_000 < t) {
                node.produce(List.of());
                node.skip(t - time() - 2_000);
            }
            while (time() < t) {
                node.produce(List.of());
            }
        }

        /** Milliseconds of the next block (propose, re-execute as another node, commit). */
        double timed(List<Transaction> txs) {
            long t0 = System.nanoTime();
            int before = node.dropped().size();
            node.produce(txs);
            double ms = (System.nanoTime() - t0) / 1e6;
            assertThat(node.dropped()).hasSize(before);
            return ms;
        }
    }

    /** The median of {@code n} empty blocks, in ms. */
    private static double medianEmpty(Chain c, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = c.timed(List.of());
        }
        java.util.Arrays.sort(t);
        return t[n / 2];
    }

    private static String ms(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", v);
    }

    @Test
    @DisplayName("benchmark: transfers touching open ballots vs not, election and referendum closes, a full recount")
    void governanceCosts() {
        StringBuilder out = new StringBuilder("\n== governance benchmark (" + HOLDERS + " holders) ==\n");
        for (int voters : new int[] {1_000, 10_000}) {
            out.append(election(voters));
        }
        for (int voters : new int[] {1_000, 10_000}) {
            out.append(referendum(voters));
        }
        System.out.println(out);
    }

    private String election(int voters) {
        Chain c = new Chain(voters + ROUNDS * BLOCK);
        Records.Election e = c.gov().election(1).orElseThrow();
        c.advanceTo(e.nominationStart());
        c.blocks(List.of(
                c.act(
                        TestKeys.key(1),
                        new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("A", "", "", "", ""))),
                c.act(
                        TestKeys.key(2),
                        new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("B", "", "", "", "")))));
        c.advanceTo(e.votingStart());
        List<Transaction> ballots = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            ballots.add(c.act(
                    c.keyed.get(i),
                    new ElectionBallot(
                            1,
                            List.of(
                                    new ElectionBallot.Share(TestKeys.key(1).address(), 6_000),
                                    new ElectionBallot.Share(TestKeys.key(2).address(), 4_000)))));
        }
        c.blocks(ballots);
        StringBuilder out = new StringBuilder();
        if (voters >= ROUNDS * BLOCK) {
            // alternate: a block from voters (their ballots re-weighed), then one from non-voters;
            // the senders cycle through 5 groups of 2,000, so every voter still has its ballot
            double[] with = new double[MEASURED];
            double[] without = new double[MEASURED];
            Address sink = TestKeys.key(99).address();
            for (int round = -1; round < MEASURED; round++) {
                int g = Math.floorMod(round, ROUNDS);
                List<Transaction> fromVoters = new ArrayList<>();
                List<Transaction> fromOthers = new ArrayList<>();
                for (int i = 0; i < BLOCK; i++) {
                    fromVoters.add(c.pay(c.keyed.get(g * BLOCK + i), sink));
                    fromOthers.add(c.pay(c.keyed.get(voters + g * BLOCK + i), sink));
                }
                double w = c.timed(fromVoters);
                double wo = c.timed(fromOthers);
                if (round >= 0) {
                    with[round] = w;
                    without[round] = wo;
                }
            }
            assertThat(c.gov().tally(VoteId.election(1)).orElseThrow().voters()).isEqualTo(voters);
            double[] a = with.clone();
            double[] b = without.clone();
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
            double mw = (a[MEASURED / 2 - 1] + a[MEASURED / 2]) / 2;
            double mo = (b[MEASURED / 2 - 1] + b[MEASURED / 2]) / 2;
            out.append("block of ")
                    .append(BLOCK)
                    .append(" transfers, median of ")
                    .append(MEASURED)
                    .append(" pairs after a warm-up: from voters ")
                    .append(ms(mw))
                    .append(", from non-voters ")
                    .append(ms(mo))
                    .append(" (")
                    .append(String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * (mw - mo) / mo))
                    .append("); per pair: ");
            for (int i = 0; i < MEASURED; i++) {
                out.append(String.format(java.util.Locale.ROOT, "%.0f/%.0f ", with[i], without[i]));
            }
            out.append('\n');
        }
        VoteId vote = VoteId.election(1);
        long t0 = System.nanoTime();
        GovernanceAudit.Recount r = GovernanceAudit.recount(c.gov().records(), c.node.state(), vote);
        double recount = (System.nanoTime() - t0) / 1e6;
        assertThat(r.agrees()).isTrue();
        assertThat(r.voters()).isEqualTo(voters);
        c.advanceTo(e.closesAt() - 10_000);
        double before = medianEmpty(c, 9);
        assertThat(c.gov().election(1).orElseThrow().closed()).isFalse();
        double close = c.timed(List.of());
        assertThat(c.gov().election(1).orElseThrow().closed()).isTrue();
        double after = medianEmpty(c, 9);
        out.append("election, ")
                .append(voters)
                .append(" ballots: recount ")
                .append(ms(recount))
                .append("; median empty block before the close ")
                .append(ms(before))
                .append(", the closing block ")
                .append(ms(close))
                .append(", median empty block after ")
                .append(ms(after))
                .append('\n');
        return out.toString();
    }

    private String referendum(int voters) {
        Chain c = new Chain(voters);
        Transaction post = c.act(TestKeys.key(1), new ProposalPosting("Bench", "", 0, List.of(), 7));
        c.blocks(List.of(post));
        Hash id = post.id();
        c.advanceTo(c.gov().proposal(id).orElseThrow().supportOpensAt());
        c.blocks(List.of(
                c.act(TestKeys.key(2), new ProposalSupport(id, false)),
                c.act(TestKeys.key(3), new ProposalSupport(id, false)),
                c.act(TestKeys.key(4), new ProposalSupport(id, false))));
        c.advanceTo(c.gov().proposal(id).orElseThrow().referendumOpensAt());
        List<Transaction> ballots = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            ballots.add(c.act(c.keyed.get(i), new ReferendumBallot(id, i % 3 == 2 ? 1 : 0)));
        }
        ballots.add(c.act(TestKeys.key(5), new ReferendumBallot(id, 0)));
        ballots.add(c.act(TestKeys.key(6), new ReferendumBallot(id, 0)));
        ballots.add(c.act(TestKeys.key(7), new ReferendumBallot(id, 0)));
        c.blocks(ballots);
        VoteId vote = VoteId.referendum(id);
        long t0 = System.nanoTime();
        GovernanceAudit.Recount r = GovernanceAudit.recount(c.gov().records(), c.node.state(), vote);
        double recount = (System.nanoTime() - t0) / 1e6;
        assertThat(r.agrees()).isTrue();
        c.advanceTo(c.gov().proposal(id).orElseThrow().referendumClosesAt() - 10_000);
        double before = medianEmpty(c, 9);
        assertThat(c.gov().proposal(id).orElseThrow().stage()).isEqualTo(Records.Stage.REFERENDUM);
        double close = c.timed(List.of());
        assertThat(c.gov().proposal(id).orElseThrow().stage()).isEqualTo(Records.Stage.PASSED);
        double after = medianEmpty(c, 9);
        return "referendum, " + (voters + 3) + " ballots: recount " + ms(recount)
                + "; median empty block before the close " + ms(before) + ", the closing block " + ms(close)
                + ", median empty block after " + ms(after) + "\n";
    }
}
