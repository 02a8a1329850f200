package global.cas.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.consensus.wal.WalStorage;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C1: the double-sign guard signs at most one message per height, round and step, and never goes back. */
class DoubleSignGuardTest {
    private final Validators vals = Validators.equal(1);
    private final KeyPair key = vals.keys.get(0);
    private final Hash a = Validators.block("a");
    private final Hash b = Validators.block("b");
    private final List<ConsensusMessage> logged = new ArrayList<>();
    private final DoubleSignGuard guard = new DoubleSignGuard(key, Validators.CHAIN, logged::add);

    /** Memory storage for the write-ahead log. */
    private static final class Memory implements WalStorage {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public byte[] readAll() {
            return bytes.toByteArray();
        }

        @Override
        public void append(byte[] b, boolean sync) {
            bytes.writeBytes(b);
        }

        @Override
        public void replace(byte[] b) {
            bytes.reset();
            bytes.writeBytes(b);
        }

        @Override
        public long size() {
            return bytes.size();
        }
    }

    private static DoubleSignGuard.DoubleSignRefused refused(Runnable r) {
        try {
            r.run();
        } catch (DoubleSignGuard.DoubleSignRefused e) {
            return e;
        }
        throw new AssertionError("expected the guard to refuse");
    }

    @Test
    @DisplayName("C1: what the guard signs verifies, is logged once, and moves the last slot forward")
    void signsAndLogs() {
        Proposal p = guard.signProposal(1, 0, a, -1, 0, new byte[] {7});
        assertThat(p.verify(Validators.CHAIN, key.publicKey())).isTrue();
        Vote pv = guard.signVote(VoteType.PREVOTE, 1, 0, a, 10, 0);
        Vote pc = guard.signVote(VoteType.PRECOMMIT, 1, 0, a, 11, 0);
        Vote next = guard.signVote(VoteType.PREVOTE, 1, 1, Vote.NIL, 12, 0);
        Vote h2 = guard.signVote(VoteType.PREVOTE, 2, 0, b, 13, 0);
        for (Vote v : List.of(pv, pc, next, h2)) {
            assertThat(v.verify(Validators.CHAIN, key.publicKey())).isTrue();
        }
        assertThat(logged).hasSize(5);
        assertThat(logged.get(0)).isInstanceOfSatisfying(ConsensusMessage.ProposalMessage.class, m -> {
            assertThat(m.proposal()).isEqualTo(p);
            assertThat(m.block()).containsExactly(7);
        });
        assertThat(logged.subList(1, 5))
                .extracting(m -> ((ConsensusMessage.VoteMessage) m).vote())
                .containsExactly(pv, pc, next, h2);
        assertThat(guard.lastHeight()).isEqualTo(2);
        assertThat(guard.last()).containsSame(logged.get(4));
        assertThat(guard.key()).isSameAs(key);
    }

    @Test
    @DisplayName("C1: asked for the same vote or proposal again, the guard returns the first signature and logs"
            + " nothing more")
    void sameAgain() {
        Vote first = guard.signVote(VoteType.PREVOTE, 1, 0, a, 10, 0);
        assertThat(guard.signVote(VoteType.PREVOTE, 1, 0, a, 10, 0)).isEqualTo(first);
        assertThat(guard.signVote(VoteType.PREVOTE, 1, 0, a, 99, 0))
                .as("another timestamp: the first vote, with its timestamp")
                .isEqualTo(first);
        assertThat(logged).hasSize(1);

        Proposal p = guard.signProposal(2, 1, b, 0, 0, new byte[] {1});
        assertThat(guard.signProposal(2, 1, b, 0, 0, new byte[] {1})).isEqualTo(p);
        assertThat(guard.signProposal(2, 1, b, -1, 0, new byte[] {2}))
                .as("the same value with another proof-of-lock round: the first proposal")
                .isEqualTo(p);
        assertThat(logged).hasSize(2);
    }

    @Test
    @DisplayName("C1: a different value at the last height, round and step is refused as double signing"
            + " (slotPassed false)")
    void differentValueRefused() {
        guard.signVote(VoteType.PREVOTE, 1, 0, a, 10, 0);
        DoubleSignGuard.DoubleSignRefused e = refused(() -> guard.signVote(VoteType.PREVOTE, 1, 0, b, 10, 0));
        assertThat(e.slotPassed()).isFalse();
        assertThat(e).hasMessageContaining("height 1, round 0, prevote");
        assertThat(refused(() -> guard.signVote(VoteType.PREVOTE, 1, 0, Vote.NIL, 10, 0))
                        .slotPassed())
                .as("nil after a value")
                .isFalse();

        guard.signVote(VoteType.PRECOMMIT, 1, 0, Vote.NIL, 11, 0);
        assertThat(refused(() -> guard.signVote(VoteType.PRECOMMIT, 1, 0, a, 11, 0))
                        .slotPassed())
                .as("a value after nil")
                .isFalse();

        guard.signProposal(1, 1, a, -1, 0, new byte[0]);
        DoubleSignGuard.DoubleSignRefused p = refused(() -> guard.signProposal(1, 1, b, -1, 0, new byte[0]));
        assertThat(p.slotPassed()).isFalse();
        assertThat(p).hasMessageContaining("height 1, round 1, proposal");
        assertThat(logged).hasSize(3);
    }

    @Test
    @DisplayName("C1: a slot before the last signed one is refused (slotPassed true), whatever its value")
    void earlierSlotRefused() {
        guard.signVote(VoteType.PRECOMMIT, 5, 2, a, 10, 0);
        List<Runnable> earlier = List.of(
                () -> guard.signVote(VoteType.PREVOTE, 5, 2, a, 10, 0),
                () -> guard.signProposal(5, 2, a, -1, 0, new byte[0]),
                () -> guard.signVote(VoteType.PRECOMMIT, 5, 1, a, 10, 0),
                () -> guard.signVote(VoteType.PRECOMMIT, 4, 9, a, 10, 0),
                () -> guard.signVote(VoteType.PREVOTE, 4, 3, b, 10, 0),
                () -> guard.signProposal(1, 0, b, -1, 0, new byte[0]));
        for (Runnable r : earlier) {
            DoubleSignGuard.DoubleSignRefused e = refused(r);
            assertThat(e.slotPassed()).isTrue();
            assertThat(e).hasMessageContaining("already signed at height 5, round 2, precommit");
        }
        assertThat(logged).hasSize(1);
        assertThat(guard.lastHeight()).isEqualTo(5);
    }

    @Test
    @DisplayName("C1: the message goes to the log before the signature is returned; when the log fails, nothing is"
            + " returned nor remembered")
    void logFirst() {
        List<String> events = new ArrayList<>();
        DoubleSignGuard g = new DoubleSignGuard(key, Validators.CHAIN, m -> {
            events.add("logged " + ((ConsensusMessage.VoteMessage) m).vote());
        });
        Vote v = g.signVote(VoteType.PREVOTE, 1, 0, a, 10, 0);
        events.add("returned " + v);
        assertThat(events).containsExactly("logged " + v, "returned " + v);

        DoubleSignGuard failing = new DoubleSignGuard(key, Validators.CHAIN, m -> {
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> failing.signVote(VoteType.PREVOTE, 1, 0, a, 10, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("disk full");
        assertThatThrownBy(() -> failing.signProposal(1, 0, a, -1, 0, new byte[0]))
                .isInstanceOf(IllegalStateException.class);
        assertThat(failing.last())
                .as("a signature that was never logged is not remembered")
                .isEmpty();
        assertThat(failing.lastHeight()).isZero();
    }

    @Test
    @DisplayName("C1: after a restart the guard restored from the replayed log refuses a conflicting value and"
            + " returns the logged signature for the same one")
    void restoreFromLog() {
        Memory disk = new Memory();
        WriteAheadLog wal = new WriteAheadLog(disk);
        wal.replay();
        wal.heightStarted(3);
        DoubleSignGuard before = new DoubleSignGuard(key, Validators.CHAIN, wal);
        before.signProposal(3, 0, a, -1, 0, new byte[] {1, 2});
        Vote pv = before.signVote(VoteType.PREVOTE, 3, 0, a, 10, 0);
        wal.received(new ConsensusMessage.StatusMessage(3), true);

        WriteAheadLog.Replay r = new WriteAheadLog(disk).replay(); // kill -9, restart
        List<ConsensusMessage> after = new ArrayList<>();
        DoubleSignGuard g = new DoubleSignGuard(key, Validators.CHAIN, after::add);
        g.restore(r.lastSigned().orElseThrow());
        assertThat(g.lastHeight()).isEqualTo(3);

        DoubleSignGuard.DoubleSignRefused e = refused(() -> g.signVote(VoteType.PREVOTE, 3, 0, b, 10, 0));
        assertThat(e.slotPassed()).isFalse();
        assertThat(refused(() -> g.signProposal(3, 0, b, -1, 0, new byte[0])).slotPassed())
                .isTrue();
        assertThat(g.signVote(VoteType.PREVOTE, 3, 0, a, 77, 0)).isEqualTo(pv);
        assertThat(after).isEmpty();
        assertThat(g.signVote(VoteType.PRECOMMIT, 3, 0, a, 11, 0).verify(Validators.CHAIN, key.publicKey()))
                .isTrue();
        assertThat(after).hasSize(1);
    }

    @Test
    @DisplayName("C1: a restored proposal guards its slot; restore never moves the guard back; a status message is"
            + " not a signed message")
    void restoreKinds() {
        Proposal p = Proposal.sign(key, Validators.CHAIN, 4, 1, a, 0, 0);
        DoubleSignGuard g = new DoubleSignGuard(key, Validators.CHAIN, logged::add);
        g.restore(new ConsensusMessage.ProposalMessage(p, new byte[0]));
        assertThat(g.signProposal(4, 1, a, 0, 0, new byte[0])).isEqualTo(p);
        assertThat(refused(() -> g.signProposal(4, 1, b, 0, 0, new byte[0])).slotPassed())
                .isFalse();
        assertThat(logged).isEmpty();

        Vote older = vals.vote(0, VoteType.PRECOMMIT, 2, 0, a);
        g.restore(new ConsensusMessage.VoteMessage(older));
        assertThat(g.lastHeight())
                .as("an older message does not replace the newer one")
                .isEqualTo(4);
        assertThat(refused(() -> g.signVote(VoteType.PRECOMMIT, 2, 0, a, 1_000, 0))
                        .slotPassed())
                .isTrue();

        assertThatThrownBy(() -> g.restore(new ConsensusMessage.StatusMessage(9)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
