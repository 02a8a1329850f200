package global.cas.consensus.driver;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.DoubleSignGuard;
import global.cas.consensus.wal.WriteAheadLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the write-ahead log gives back when the driver starts: the last message this validator
 * signed (which restores its {@link DoubleSignGuard}), the first height it may sign at (after a
 * lost log, not the one after the tip: it may have signed there already), and once, for the height
 * it starts at, the messages it signed and received there. Not thread-safe: the driver's thread.
 */
final class LogRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    /** The log's entries of one height: own votes, then own proposals, then what was received. */
    record Restored(List<ConsensusMessage> own, List<ConsensusMessage> received) {}

    private WriteAheadLog.Replay replay;
    private long firstSignableHeight = 1;
    private boolean loneGraceOver;

    /**
     * Replays {@code wal} (when the node validates) and restores {@code guard} from it, with its
     * chain committed up to {@code committed}.
     *
     * @throws WriteAheadLog.DamagedLogException when the log is damaged before its end
     */
    void open(Optional<WriteAheadLog> wal, Optional<DoubleSignGuard> guard, long committed) {
        if (wal.isEmpty()) {
            return;
        }
        WriteAheadLog.Replay r = wal.get().replay();
        if (r.tornTailDropped()) {
            LOG.warn("the consensus write-ahead log ended in a record cut short (a crash while writing it); dropped");
        }
        r.lastSigned().ifPresent(m -> guard.orElseThrow().restore(m));
        replay = r;
        if (r.entries().isEmpty() && committed > 0) {
            // amnesia: this validator may have signed at committed + 1 before its log was lost
            LOG.warn(
                    "no consensus write-ahead log but the chain is at height {}: this validator follows height {}"
                            + " without signing, as it may have signed there before",
                    committed,
                    committed + 1);
            firstSignableHeight = committed + 2;
        }
    }

    /**
     * Whether the log lets this validator sign at {@code h}: always, unless it was lost with the chain
     * past genesis; then a validator of a set sits the height after the tip out (another may hold its
     * votes there), and a lone one ({@code alone}) signs it once its peers had their chance.
     */
    boolean maySign(long h, boolean alone) {
        return h >= firstSignableHeight || (alone && loneGraceOver);
    }

    /**
     * A lone validator that lost its log may have signed height {@code h} already, and its followers
     * may hold that block's commit (its own precommit is the quorum). Nobody else can make the block,
     * so it cannot sit the height out as a validator of a set does; instead it waits one rebroadcast
     * period, in which its status goes out and any peer that has block {@code h} sends it (committed
     * by its commit, like any catch-up), and only then signs. A follower offline during that second is
     * not heard from; it would halt on two commits when it comes back. True when that wait is due.
     */
    boolean loneWaitDue(long h, boolean alone) {
        return alone && h < firstSignableHeight && !loneGraceOver;
    }

    /** The lone validator's wait is over: it signs from now on. */
    void loneWaitOver() {
        loneGraceOver = true;
    }

    /**
     * The log's messages of height {@code h}, the first time a height starts after {@link #open};
     * nothing afterwards. Own votes come before own proposals: they mark what was signed, so what
     * was received asks for nothing twice.
     */
    Restored take(long h) {
        if (replay == null) {
            return new Restored(List.of(), List.of());
        }
        List<WriteAheadLog.Entry> entries = replay.ofHeight(h);
        replay = null;
        List<ConsensusMessage> own = new ArrayList<>();
        List<ConsensusMessage> received = new ArrayList<>();
        for (WriteAheadLog.Entry e : entries) {
            if (e instanceof WriteAheadLog.Entry.Signed s && s.message() instanceof ConsensusMessage.VoteMessage) {
                own.add(s.message());
            }
        }
        for (WriteAheadLog.Entry e : entries) {
            if (e instanceof WriteAheadLog.Entry.Signed s && s.message() instanceof ConsensusMessage.ProposalMessage) {
                own.add(s.message());
            }
            if (e instanceof WriteAheadLog.Entry.Received rec) {
                received.add(rec.message());
            }
        }
        return new Restored(own, received);
    }
}
