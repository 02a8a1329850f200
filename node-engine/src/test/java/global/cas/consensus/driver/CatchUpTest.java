package global.cas.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Commit;
import global.cas.consensus.ConsensusMessage;
import global.cas.crypto.Hash;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bounds of what a node keeps while it syncs, and what it sends a peer behind it. */
class CatchUpTest {
    private record Sent(String peer, ConsensusMessage message) {}

    private final List<Sent> sent = new ArrayList<>();
    /** How many messages the peer's queue takes in all (a full queue refuses the rest). */
    private int room = Integer.MAX_VALUE;

    private final PeerView peers = new PeerView();
    private final CatchUp catchUp = new CatchUp(new Chain(), new Recorder(), peers);

    private static ConsensusMessage.DecidedMessage block(long h, int bytes) {
        return new ConsensusMessage.DecidedMessage(h, new byte[bytes], new Commit(h, 0, Hash.ZERO, List.of()));
    }

    @Test
    @DisplayName("C3: blocks more than the window ahead are not kept, nor a second block of a kept height")
    void keepsWithinTheHeightWindow() {
        catchUp.keep(10, "p", block(10 + CatchUp.MAX_AHEAD_HEIGHTS, 1));
        catchUp.keep(10, "p", block(10 + CatchUp.MAX_AHEAD_HEIGHTS + 1, 1));
        catchUp.keep(10, "q", block(10 + CatchUp.MAX_AHEAD_HEIGHTS, 2));
        assertThat(catchUp.holds(10 + CatchUp.MAX_AHEAD_HEIGHTS)).isTrue();
        assertThat(catchUp.holds(10 + CatchUp.MAX_AHEAD_HEIGHTS + 1)).isFalse();
        assertThat(catchUp.take(10 + CatchUp.MAX_AHEAD_HEIGHTS).orElseThrow().peer())
                .isEqualTo("p");
    }

    @Test
    @DisplayName("C3: the bytes kept ahead are bounded; a block taken frees its room")
    void keepsWithinTheByteBound() {
        int quarter = (int) (CatchUp.MAX_AHEAD_BYTES / 4);
        for (long h = 2; h <= 6; h++) {
            catchUp.keep(1, "p", block(h, quarter));
        }
        assertThat(catchUp.holds(5)).isTrue();
        assertThat(catchUp.holds(6)).isFalse();
        catchUp.take(2);
        catchUp.keep(1, "p", block(6, quarter));
        assertThat(catchUp.holds(6)).isTrue();
    }

    @Test
    @DisplayName("C3: a run is the current block and the kept ones after it, up to a gap, each with its sender")
    void runStopsAtAGap() {
        catchUp.keep(5, "a", block(6, 1));
        catchUp.keep(5, "b", block(7, 1));
        catchUp.keep(5, "c", block(9, 1));
        CatchUp.Run run = catchUp.takeRun(5, "first", block(5, 1));
        assertThat(run.blocks()).extracting(k -> k.block().height()).containsExactly(5L, 6L, 7L);
        assertThat(run.sender(0)).isEqualTo("first");
        assertThat(run.sender(2)).isEqualTo("b");
        assertThat(run.sender(99)).isEqualTo("b");
        assertThat(catchUp.holds(6)).isFalse();
        assertThat(catchUp.holds(9)).isTrue();
    }

    @Test
    @DisplayName("C3: a run holds at most one import batch")
    void runIsBounded() {
        for (long h = 2; h <= 1 + CatchUp.MAX_AHEAD_HEIGHTS; h++) {
            catchUp.keep(1, "p", block(h, 1));
        }
        assertThat(catchUp.takeRun(1, "p", block(1, 1)).blocks()).hasSize(CatchUp.IMPORT_BATCH);
        assertThat(catchUp.holds(1 + CatchUp.IMPORT_BATCH)).isTrue();
    }

    @Test
    @DisplayName("C3: when a height starts, what was kept below it is dropped")
    void heightStartDropsThePast() {
        catchUp.keep(1, "p", block(3, 1));
        catchUp.keep(1, "p", block(8, 1));
        catchUp.heightStarted(5);
        assertThat(catchUp.holds(3)).isFalse();
        assertThat(catchUp.holds(8)).isTrue();
    }

    @Test
    @DisplayName(
            "C3: a peer behind is sent a batch of committed blocks below the current height, each once until the tick")
    void sendsARangeOnce() {
        catchUp.sendRange("behind", 1, 1_000);
        assertThat(sent).hasSize(CatchUp.DECIDED_BATCH);
        assertThat(sent).allSatisfy(s -> assertThat(s.peer()).isEqualTo("behind"));
        catchUp.sendRange("behind", 1, 1_000);
        assertThat(sent).hasSize(CatchUp.DECIDED_BATCH);
        catchUp.sendRange("behind", 990, 1_000);
        assertThat(sent).hasSize(CatchUp.DECIDED_BATCH + 10); // up to 999, not the current height
        catchUp.tick();
        catchUp.sendRange("behind", 1, 1_000);
        assertThat(sent).hasSize(2 * CatchUp.DECIDED_BATCH + 10);
    }

    @Test
    @DisplayName("C3: when the peer's queue is full the range stops there, and the rest goes when it asks again")
    void rangeStopsAtAFullQueue() {
        room = 10;
        catchUp.sendRange("slow", 1, 1_000);
        assertThat(sent).hasSize(10);
        room = Integer.MAX_VALUE;
        catchUp.sendRange("slow", 1, 1_000); // asked again before the tick: blocks 1-10 went, 11 on go now
        assertThat(sent).hasSize(CatchUp.DECIDED_BATCH);
        assertThat(sent.get(10).message())
                .isInstanceOfSatisfying(
                        ConsensusMessage.DecidedMessage.class,
                        d -> assertThat(d.height()).isEqualTo(11));
    }

    @Test
    @DisplayName("C3: peers are asked for ranges only when one is more than a batch ahead")
    void asksRangesOnlyFarBehind() {
        peers.heightSaid("near", 1 + CatchUp.DECIDED_BATCH);
        catchUp.askRanges(1);
        assertThat(sent).isEmpty();
        peers.heightSaid("far", 2 + CatchUp.DECIDED_BATCH * 3L);
        catchUp.askRanges(1);
        assertThat(sent).extracting(Sent::peer).contains("far");
        assertThat(sent).allSatisfy(s -> assertThat(s.message()).isInstanceOf(ConsensusMessage.RangeRequest.class));
    }

    private final class Recorder implements ConsensusNetwork {
        @Override
        public void broadcast(ConsensusMessage message) {}

        @Override
        public boolean send(String peer, ConsensusMessage message) {
            return sent.size() < room && sent.add(new Sent(peer, message));
        }

        @Override
        public void misbehaved(String peer, String reason) {}
    }

    /** A chain that holds every height below 1,000 as an empty block; nothing else is asked of it here. */
    private static final class Chain implements ConsensusApp {
        @Override
        public Optional<Final> committed(long height) {
            return height < 1_000
                    ? Optional.of(new Final(new byte[0], new Commit(height, 0, Hash.ZERO, List.of())))
                    : Optional.empty();
        }

        @Override
        public long committedHeight() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ValidatorSet validators(long height) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Built build(long height, long now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Checked check(long height, byte[] bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void commit(long height, Hash hash, byte[] bytes, Commit commit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Imported importFinal(long from, List<Final> blocks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void evidence(global.cas.consensus.Vote first, global.cas.consensus.Vote second) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void halted(String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
