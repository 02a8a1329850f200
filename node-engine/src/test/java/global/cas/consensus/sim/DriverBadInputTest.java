package global.cas.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Commit;
import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Proposal;
import global.cas.consensus.ProposerSchedule;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.consensus.driver.ConsensusDriver;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.validators.ValidatorSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a peer may send that no honest node sends: each is refused, the peer reported (the
 * transport disconnects and bans it), and the driver goes on at its height, not halted.
 */
class DriverBadInputTest {
    private static final String CHAIN = Simulation.CHAIN;

    private List<KeyPair> keys;
    private List<String> misbehaved;
    private ValidatorSet set;
    private ConsensusDriver driver;

    @BeforeEach
    void start() {
        DriverHarness harness = new DriverHarness("bad input", 0);
        keys = harness.keys;
        misbehaved = harness.misbehaved;
        set = harness.validators;
        driver = harness.driver;
    }

    private void assertAlive() {
        assertThat(driver.status().halted()).isEmpty();
        assertThat(driver.status().height()).isEqualTo(1);
    }

    @Test
    @DisplayName("C1: a vote signed by a key that is not the validator it names is refused and its sender reported")
    void voteOfNonValidator() {
        KeyPair stranger = KeyPair.fromSeed(new byte[32]);
        Vote forged = Vote.sign(stranger, CHAIN, VoteType.PREVOTE, 1, 0, Hash.ZERO, Simulation.EPOCH, 2);
        driver.receive("p1", new ConsensusMessage.VoteMessage(forged));
        assertThat(misbehaved).singleElement().asString().startsWith("p1: ").contains("bad signature");
        assertAlive();
    }

    @Test
    @DisplayName("C1: a vote naming a validator index outside the set is refused and its sender reported")
    void voteOfUnknownIndex() {
        Vote v = Vote.sign(keys.get(1), CHAIN, VoteType.PREVOTE, 1, 0, Hash.ZERO, Simulation.EPOCH, 9);
        driver.receive("p2", new ConsensusMessage.VoteMessage(v));
        assertThat(misbehaved).singleElement().asString().contains("validator 9 of 4");
        assertAlive();
    }

    @Test
    @DisplayName("C3: a committed block whose commit lacks a quorum is refused and its sender reported")
    void commitWithoutQuorum() {
        SimChain other = new SimChain(CHAIN, set, 1, 99, s -> {});
        var built = other.build(1, Simulation.EPOCH);
        Vote one = Vote.sign(keys.get(1), CHAIN, VoteType.PRECOMMIT, 1, 0, built.hash(), built.time() + 1, 1);
        Commit weak = new Commit(1, 0, built.hash(), List.of(one.precommit()));
        driver.receive("p3", new ConsensusMessage.DecidedMessage(1, built.bytes(), weak));
        assertThat(misbehaved).singleElement().asString().contains("commit that does not hold");
        assertAlive();
    }

    @Test
    @DisplayName("C1: a proposal whose block is not the one it signs is refused and its sender reported")
    void proposalWithOtherBlock() {
        int proposer = new ProposerSchedule(set).proposer(1, 0);
        Proposal p = Proposal.sign(keys.get(proposer), CHAIN, 1, 0, Hash.sha256(new byte[] {1}), -1, proposer);
        driver.receive("p4", new ConsensusMessage.ProposalMessage(p, new byte[] {2, 3}));
        assertThat(misbehaved).singleElement().asString().contains("carries block");
        assertAlive();
    }

    @Test
    @DisplayName("C1: a proposal for a far future height is not acted on: no vote, no halt, the height stays")
    void farFutureProposal() {
        int proposer = new ProposerSchedule(set).proposer(1_000_000, 0);
        Proposal p = Proposal.sign(keys.get(proposer), CHAIN, 1_000_000, 0, Hash.sha256(new byte[] {1}), -1, proposer);
        driver.receive("p5", new ConsensusMessage.ProposalMessage(p, new byte[] {2, 3}));
        assertThat(misbehaved).isEmpty();
        assertAlive();
    }

    /** A block of height 1 made by {@code chain} and the precommits of validators 1-3 on it: a valid commit. */
    private ConsensusMessage.DecidedMessage committed(SimChain chain) {
        var built = chain.build(1, Simulation.EPOCH);
        List<global.cas.chain.Precommit> precommits = new java.util.ArrayList<>();
        for (int i = 1; i < 4; i++) {
            precommits.add(Vote.sign(keys.get(i), CHAIN, VoteType.PRECOMMIT, 1, 0, built.hash(), built.time() + 1, i)
                    .precommit());
        }
        return new ConsensusMessage.DecidedMessage(1, built.bytes(), new Commit(1, 0, built.hash(), precommits));
    }

    @Test
    @DisplayName("C1: two different blocks with valid commits at one height halt the node with TWO_COMMITS")
    void twoCommitsHalt() {
        driver.receive("p6", committed(new SimChain(CHAIN, set, 1, 7, s -> {})));
        assertThat(driver.status().halted()).isEmpty();
        driver.receive("p7", committed(new SimChain(CHAIN, set, 2, 8, s -> {})));
        assertThat(driver.status().haltCause()).contains(global.cas.consensus.HaltCause.TWO_COMMITS);
        assertThat(driver.status().halted().orElseThrow()).contains("Two different blocks hold commits at height 1");
        assertThat(misbehaved).isEmpty();
    }

    @Test
    @DisplayName("C3: a block committed without this validator's precommit counts as missed")
    void missedBlockCounted() {
        assertThat(driver.status().missedBlocks()).isZero();
        driver.receive("p8", committed(new SimChain(CHAIN, set, 1, 7, s -> {})));
        assertThat(driver.status().decided()).isEqualTo(1);
        assertThat(driver.status().missedBlocks()).isEqualTo(1);
    }
}
