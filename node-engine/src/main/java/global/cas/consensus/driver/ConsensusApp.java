package global.cas.consensus.driver;

import global.cas.chain.Commit;
import global.cas.crypto.Hash;
import global.cas.validators.ValidatorSet;
import java.util.Optional;

/**
 * The chain as consensus sees it: what height comes next, who validates it, how to build and check
 * a block, how to make one final, and the blocks already final (for peers that fall behind). Called
 * on the driver's thread; each call may block while the chain works.
 */
public interface ConsensusApp {
    /** A block this node built: its hash, its bytes on the wire, and its header time. */
    record Built(Hash hash, byte[] bytes, long time) {}

    /**
     * A block received, checked against the committed state: its hash (computed from the bytes,
     * never taken from the sender), whether it executes, its header time, and why not.
     */
    record Checked(Hash hash, boolean valid, long time, String reason) {
        public static Checked valid(Hash hash, long time) {
            return new Checked(hash, true, time, "");
        }

        public static Checked invalid(Hash hash, String reason) {
            return new Checked(hash, false, 0, reason);
        }
    }

    /** A committed block with its commit, as a node behind receives it. */
    record Final(byte[] bytes, Commit commit) {}

    /** The height of the last committed block (0: only genesis). */
    long committedHeight();

    /** The validators in force at {@code height} (the next one at most). */
    ValidatorSet validators(long height);

    /** Builds and executes the block at {@code height} from the mempool, without committing it. */
    Built build(long height, long now);

    /**
     * Decodes and executes {@code bytes} as the block at {@code height}, without committing it. A
     * block that does not decode has hash {@link Hash#ZERO} and is invalid.
     */
    Checked check(long height, byte[] bytes);

    /**
     * Makes the checked or built block {@code hash} final at {@code height} with {@code commit}.
     *
     * @throws RuntimeException when the chain refuses it (the driver halts: its own quorum was refused)
     */
    void commit(long height, Hash hash, byte[] bytes, Commit commit);

    /**
     * What {@link #importFinal} did: the committed height after it, and the first block refused
     * with why: {@code peerFault} when the peer sent something that does not hold (a commit without
     * quorum, a block of another height, bytes that do not decode); otherwise the block has a valid
     * commit but does not execute here, so this node's state differs from the network's.
     */
    record Imported(long committedHeight, Optional<Refusal> refused) {
        public record Refusal(long height, boolean peerFault, String reason) {}
    }

    /**
     * Checks and commits committed blocks of consecutive heights from the next one on, each by its
     * commit (C3), in one batch; the blocks before a refused one are committed.
     */
    Imported importFinal(long from, java.util.List<Final> blocks);

    /** The committed block at {@code height} and its commit, if this node has it. */
    Optional<Final> committed(long height);

    /** Two signed votes of one validator for one slot: evidence for the chain (C4). */
    void evidence(global.cas.consensus.Vote first, global.cas.consensus.Vote second);

    /** The driver stopped because an invariant broke; {@code reason} is for the person running the node. */
    void halted(String reason);
}
