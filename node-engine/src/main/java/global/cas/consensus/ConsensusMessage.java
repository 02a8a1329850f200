package global.cas.consensus;

import global.cas.chain.Commit;
import global.cas.codec.Decoder;
import global.cas.codec.Encoder;

/**
 * What validators and followers send each other about consensus. A proposal carries its block's
 * bytes; a decided message carries a committed block with its commit, for a node one height
 * behind (it checks the commit itself, C3); a status says which height a node works on, so a peer
 * ahead answers with the decided block; evidence is two votes of one validator's slot for different
 * values, passed on by every node that checks it so that a double sign seen by any node reaches a
 * proposer (C4). Each has a size limit checked before decoding. Immutable.
 */
public sealed interface ConsensusMessage {
    /** The largest block a message carries: 8 MiB. */
    int MAX_BLOCK_BYTES = 8 << 20;

    /** The largest encoded message: a block, its commit (10,000 precommits of 76 bytes) and a header. */
    int MAX_BYTES = MAX_BLOCK_BYTES + 10_000 * 80 + 1024;

    record ProposalMessage(Proposal proposal, byte[] block) implements ConsensusMessage {}

    record VoteMessage(Vote vote) implements ConsensusMessage {}

    record DecidedMessage(long height, byte[] block, Commit commit) implements ConsensusMessage {}

    record StatusMessage(long height) implements ConsensusMessage {}

    /** A double sign: two votes of one validator for one slot (height, round, kind) with different values. */
    record EvidenceMessage(Vote first, Vote second) implements ConsensusMessage {}

    /**
     * Asks a peer ahead for the committed blocks from {@code from} on (it answers with up to a batch
     * of {@link DecidedMessage}s): a node far behind asks each peer for a different range.
     */
    record RangeRequest(long from) implements ConsensusMessage {}

    default byte[] encode() {
        Encoder e = new Encoder(256);
        switch (this) {
            case ProposalMessage p -> {
                e.u8(1);
                p.proposal().encode(e);
                e.bytes(p.block());
            }
            case VoteMessage v -> {
                e.u8(2);
                v.vote().encode(e);
            }
            case DecidedMessage d -> {
                e.u8(3).u64(d.height()).bytes(d.block());
                d.commit().encode(e);
            }
            case StatusMessage s -> e.u8(4).u64(s.height());
            case RangeRequest r -> e.u8(5).u64(r.from());
            case EvidenceMessage x -> {
                e.u8(6);
                x.first().encode(e);
                x.second().encode(e);
            }
        }
        return e.toBytes();
    }

    /**
     * Decodes one message.
     *
     * @throws global.cas.rejection.RejectedException {@code OVERSIZE}, {@code MALFORMED} or {@code
     *     TRUNCATED}
     */
    static ConsensusMessage decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new global.cas.rejection.RejectedException(
                    global.cas.rejection.Reason.OVERSIZE,
                    "A consensus message of " + bytes.length + " bytes is above the limit of " + MAX_BYTES + ".");
        }
        Decoder d = new Decoder(bytes);
        int kind = d.u8();
        ConsensusMessage m = switch (kind) {
            case 1 -> new ProposalMessage(Proposal.decode(d), d.bytes(MAX_BLOCK_BYTES));
            case 2 -> new VoteMessage(Vote.decode(d));
            case 3 -> {
                long height = d.u64();
                byte[] block = d.bytes(MAX_BLOCK_BYTES);
                yield new DecidedMessage(height, block, Commit.decode(d));
            }
            case 4 -> new StatusMessage(d.u64());
            case 5 -> new RangeRequest(d.u64());
            case 6 -> new EvidenceMessage(Vote.decode(d), Vote.decode(d));
            default -> throw Decoder.malformed("unknown consensus message kind " + kind);
        };
        d.finish();
        return m;
    }
}
