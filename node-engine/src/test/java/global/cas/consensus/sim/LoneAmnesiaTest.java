package global.cas.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Commit;
import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Timeouts;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.consensus.driver.ConsensusDriver;
import global.cas.consensus.driver.Scheduler;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A lone validator restarted without its write-ahead log, its chain at height 1: its followers may
 * hold the block 2 it signed before, so it waits one rebroadcast period for them before signing.
 */
class LoneAmnesiaTest {
    private static final String CHAIN = Simulation.CHAIN;
    private final KeyPair key = KeyPair.fromSeed(
            Hash.sha256("lone".getBytes(StandardCharsets.US_ASCII)).bytes());
    private final ValidatorSet set = new ValidatorSet(List.of(new Validator(key.publicKey(), 1)));
    private final List<Runnable> later = new ArrayList<>();
    private final RecordingNetwork net = new RecordingNetwork();
    private final List<ConsensusMessage> broadcast = net.broadcasts;
    private SimChain chain;
    private ConsensusDriver driver;

    /** The block of {@code height} as {@code maker} builds it, committed by the lone key. */
    private ConsensusMessage.DecidedMessage committed(SimChain maker, long height) {
        var built = maker.build(height, Simulation.EPOCH);
        Vote v = Vote.sign(key, CHAIN, VoteType.PRECOMMIT, height, 0, built.hash(), built.time() + 1, 0);
        return new ConsensusMessage.DecidedMessage(
                height, built.bytes(), new Commit(height, 0, built.hash(), List.of(v.precommit())));
    }

    @BeforeEach
    void start() {
        chain = new SimChain(CHAIN, set, 0, 1, s -> {});
        ConsensusMessage.DecidedMessage first = committed(chain, 1);
        chain.commit(1, Hash.sha256(first.block()), first.block(), first.commit());
        Scheduler manual = new Scheduler() {
            @Override
            public long now() {
                return Simulation.EPOCH;
            }

            @Override
            public void schedule(long delayMillis, Runnable task) {
                if (delayMillis == ConsensusDriver.REBROADCAST_MILLIS) {
                    later.add(task); // the grace and the rebroadcast; propose timeouts never fire here
                }
            }
        };
        driver = new ConsensusDriver(
                CHAIN,
                Timeouts.DEFAULT,
                chain,
                net,
                manual,
                Optional.of(key),
                Optional.of(new WriteAheadLog(new MemoryWalStorage())));
        driver.start();
    }

    private long ownProposals() {
        return broadcast.stream()
                .filter(m -> m instanceof ConsensusMessage.ProposalMessage)
                .count();
    }

    @Test
    @DisplayName("C1: a follower's block 2 arriving in the wait is committed, and the validator proposes no other")
    void takesTheFollowersBlock() {
        assertThat(driver.status().height()).isEqualTo(2);
        assertThat(driver.status().signing()).isFalse();
        SimChain before = new SimChain(CHAIN, set, 0, 77, s -> {});
        before.commit(
                1,
                chain.blocks().get(0).hash(),
                chain.blocks().get(0).bytes(),
                chain.blocks().get(0).commit());
        ConsensusMessage.DecidedMessage signedBefore = committed(before, 2);
        driver.receive("follower", signedBefore);
        assertThat(chain.committedHeight()).isEqualTo(2);
        assertThat(chain.blocks().get(1).hash()).isEqualTo(Hash.sha256(signedBefore.block()));
        List.copyOf(later).forEach(Runnable::run);
        assertThat(ownProposals()).isZero();
    }

    @Test
    @DisplayName("C1: with no peer's block in the wait, the lone validator then signs its height")
    void signsAfterTheWait() {
        assertThat(ownProposals()).isZero();
        List.copyOf(later).forEach(Runnable::run);
        assertThat(driver.status().height()).isEqualTo(2);
        assertThat(driver.status().signing()).isTrue();
        assertThat(ownProposals()).isPositive();
    }
}
