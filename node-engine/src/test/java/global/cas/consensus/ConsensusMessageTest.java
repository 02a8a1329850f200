package global.cas.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Commit;
import global.cas.chain.Precommit;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.ValidatorSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The consensus wire messages: round trips, and every malformed input refused before it is allocated. */
class ConsensusMessageTest {
    private static final long TWO_GIB = 1L << 31;

    private final Validators vals = Validators.equal(4);
    private final Hash a = Validators.block("a");

    private Proposal proposal(int round, int polRound) {
        return Proposal.sign(vals.keys.get(1), Validators.CHAIN, 7, round, a, polRound, 1);
    }

    private Commit commit() {
        List<Precommit> ps = List.of(
                vals.vote(0, VoteType.PRECOMMIT, 7, 2, a).precommit(),
                vals.vote(2, VoteType.PRECOMMIT, 7, 2, a).precommit(),
                vals.vote(3, VoteType.PRECOMMIT, 7, 2, a).precommit());
        return new Commit(7, 2, a, ps);
    }

    private List<ConsensusMessage> samples() {
        return List.of(
                new ConsensusMessage.ProposalMessage(proposal(0, -1), new byte[] {1, 2, 3, 4}),
                new ConsensusMessage.ProposalMessage(proposal(3, 1), new byte[0]),
                new ConsensusMessage.VoteMessage(vals.vote(2, VoteType.PREVOTE, 7, 0, a)),
                new ConsensusMessage.VoteMessage(vals.vote(3, VoteType.PRECOMMIT, 7, 5, Vote.NIL)),
                new ConsensusMessage.DecidedMessage(7, new byte[] {9, 8, 7}, commit()),
                new ConsensusMessage.DecidedMessage(1, new byte[0], Commit.NONE),
                new ConsensusMessage.StatusMessage(0),
                new ConsensusMessage.StatusMessage(Long.MAX_VALUE),
                new ConsensusMessage.RangeRequest(1),
                new ConsensusMessage.RangeRequest(Long.MAX_VALUE),
                new ConsensusMessage.EvidenceMessage(
                        vals.vote(2, VoteType.PREVOTE, 7, 0, a), vals.vote(2, VoteType.PREVOTE, 7, 0, Vote.NIL)));
    }

    private static Reason reasonOf(byte[] bytes) {
        try {
            ConsensusMessage.decode(bytes);
        } catch (RejectedException e) {
            return e.reason();
        }
        throw new AssertionError("decoded: " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 16))));
    }

    /** Kind 1 and a valid proposal, then the block length and block as given. */
    private byte[] proposalHead() {
        Encoder e = new Encoder().u8(1);
        proposal(0, -1).encode(e);
        return e.toBytes();
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] r = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, r, head.length, tail.length);
        return r;
    }

    @Test
    @DisplayName("every kind decodes to what was encoded and encodes again to the same bytes")
    void roundTrip() {
        for (ConsensusMessage m : samples()) {
            byte[] bytes = m.encode();
            ConsensusMessage d = ConsensusMessage.decode(bytes);
            assertThat(d.encode()).isEqualTo(bytes);
            assertThat(d.getClass()).isEqualTo(m.getClass());
            switch (m) {
                case ConsensusMessage.ProposalMessage p -> {
                    ConsensusMessage.ProposalMessage q = (ConsensusMessage.ProposalMessage) d;
                    assertThat(q.proposal()).isEqualTo(p.proposal());
                    assertThat(q.block()).isEqualTo(p.block());
                    assertThat(q.proposal()
                                    .verify(Validators.CHAIN, vals.keys.get(1).publicKey()))
                            .isTrue();
                }
                case ConsensusMessage.VoteMessage v -> assertThat(d).isEqualTo(v);
                case ConsensusMessage.DecidedMessage dm -> {
                    ConsensusMessage.DecidedMessage q = (ConsensusMessage.DecidedMessage) d;
                    assertThat(q.height()).isEqualTo(dm.height());
                    assertThat(q.block()).isEqualTo(dm.block());
                    assertThat(q.commit()).isEqualTo(dm.commit());
                }
                case ConsensusMessage.StatusMessage s -> assertThat(d).isEqualTo(s);
                case ConsensusMessage.RangeRequest r -> assertThat(d).isEqualTo(r);
                case ConsensusMessage.EvidenceMessage x -> assertThat(d).isEqualTo(x);
            }
        }
    }

    @Test
    @DisplayName("C3: a decided message's commit still verifies after the round trip")
    void decidedCommitVerifies() {
        ConsensusMessage.DecidedMessage d = (ConsensusMessage.DecidedMessage)
                ConsensusMessage.decode(new ConsensusMessage.DecidedMessage(7, new byte[] {1}, commit()).encode());
        assertThat(d.commit().verify(Validators.CHAIN, 7, a, vals.set)).hasSize(3);
    }

    @Test
    @DisplayName("every prefix of every kind is refused as TRUNCATED, the empty input too")
    void truncated() {
        assertThat(reasonOf(new byte[0])).isEqualTo(Reason.TRUNCATED);
        for (ConsensusMessage m : samples()) {
            byte[] bytes = m.encode();
            for (int n = 1; n < bytes.length; n++) {
                assertThat(reasonOf(Arrays.copyOf(bytes, n)))
                        .as("%s cut to %d of %d bytes", m.getClass().getSimpleName(), n, bytes.length)
                        .isEqualTo(Reason.TRUNCATED);
            }
        }
    }

    @Test
    @DisplayName("trailing bytes after any kind are refused as MALFORMED")
    void trailing() {
        for (ConsensusMessage m : samples()) {
            byte[] bytes = m.encode();
            for (byte extra : new byte[] {0, 1, (byte) 0xff}) {
                assertThat(reasonOf(concat(bytes, new byte[] {extra}))).isEqualTo(Reason.MALFORMED);
            }
            assertThat(reasonOf(concat(bytes, bytes))).as("two messages in one").isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    @DisplayName("an unknown kind is refused as MALFORMED")
    void unknownKind() {
        for (int kind : new int[] {0, 7, 8, 127, 128, 255}) {
            byte[] status = new ConsensusMessage.StatusMessage(3).encode();
            status[0] = (byte) kind;
            assertThatThrownBy(() -> ConsensusMessage.decode(status))
                    .isInstanceOfSatisfying(
                            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                    .hasMessageContaining("unknown consensus message kind " + kind);
        }
    }

    @Test
    @DisplayName("a block of MAX_BLOCK_BYTES passes; one byte more is OVERSIZE, in a proposal and a decided message")
    void oversizeBlock() {
        byte[] max = new byte[ConsensusMessage.MAX_BLOCK_BYTES];
        byte[] over = new byte[ConsensusMessage.MAX_BLOCK_BYTES + 1];
        ConsensusMessage ok =
                ConsensusMessage.decode(new ConsensusMessage.ProposalMessage(proposal(0, -1), max).encode());
        assertThat(((ConsensusMessage.ProposalMessage) ok).block()).hasSize(max.length);
        assertThat(reasonOf(new ConsensusMessage.ProposalMessage(proposal(0, -1), over).encode()))
                .isEqualTo(Reason.OVERSIZE);
        assertThat(ConsensusMessage.decode(new ConsensusMessage.DecidedMessage(7, max, commit()).encode()))
                .isInstanceOf(ConsensusMessage.DecidedMessage.class);
        assertThat(reasonOf(new ConsensusMessage.DecidedMessage(7, over, commit()).encode()))
                .isEqualTo(Reason.OVERSIZE);
    }

    @Test
    @DisplayName("a message above MAX_BYTES is OVERSIZE before any decoding")
    void oversizeMessage() {
        byte[] big = new byte[ConsensusMessage.MAX_BYTES + 1];
        big[0] = 4; // a status, then far too many bytes
        assertThatThrownBy(() -> ConsensusMessage.decode(big))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZE))
                .hasMessageContaining("above the limit of " + ConsensusMessage.MAX_BYTES);
    }

    @Test
    @DisplayName("a length claiming 2 GiB (or any size the buffer lacks) in a tiny buffer is refused before allocation")
    void hugeDeclaredLengths() {
        byte[] twoGib = new Encoder().varint(TWO_GIB).toBytes();
        assertThat(reasonOf(concat(proposalHead(), twoGib))).isEqualTo(Reason.OVERSIZE);
        assertThat(reasonOf(concat(new Encoder().u8(3).u64(7).toBytes(), twoGib)))
                .isEqualTo(Reason.OVERSIZE);
        assertThat(reasonOf(concat(
                        proposalHead(), new Encoder().varint(Long.MAX_VALUE).toBytes())))
                .isEqualTo(Reason.OVERSIZE);
        assertThat(reasonOf(concat(proposalHead(), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})))
                .as("a varint that never ends")
                .isEqualTo(Reason.TRUNCATED);

        byte[] allowedButAbsent =
                new Encoder().varint(ConsensusMessage.MAX_BLOCK_BYTES).toBytes();
        assertThat(reasonOf(concat(proposalHead(), allowedButAbsent))).isEqualTo(Reason.TRUNCATED);

        // a decided message whose commit claims more precommits than the buffer holds, or than a set has
        Encoder head =
                new Encoder().u8(3).u64(7).bytes(new byte[0]).u64(7).u32(0).hash(a);
        byte[] h = head.toBytes();
        assertThat(reasonOf(concat(
                        h, new Encoder().varint(ValidatorSet.MAX_VALIDATORS).toBytes())))
                .isEqualTo(Reason.TRUNCATED);
        assertThat(reasonOf(concat(
                        h, new Encoder().varint(ValidatorSet.MAX_VALIDATORS + 1).toBytes())))
                .isEqualTo(Reason.OVERSIZE);
        assertThat(reasonOf(concat(h, twoGib))).isEqualTo(Reason.OVERSIZE);
    }

    @Test
    @DisplayName("a non-minimal block length is MALFORMED: one message has one encoding")
    void nonMinimalLength() {
        byte[] bytes = concat(proposalHead(), new byte[] {(byte) 0x81, 0x00, 5});
        assertThat(reasonOf(bytes)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    @DisplayName("fields out of range are MALFORMED: vote type, height 0, negative round or validator; proposal of"
            + " nil or with polRound >= round; a commit's negative round")
    void fieldsOutOfRange() {
        byte[] vote = new ConsensusMessage.VoteMessage(vals.vote(2, VoteType.PREVOTE, 7, 0, a)).encode();
        for (int type : new int[] {0, 3, 255}) {
            byte[] v = vote.clone();
            v[1] = (byte) type;
            assertThat(reasonOf(v)).as("vote type %d", type).isEqualTo(Reason.MALFORMED);
        }
        byte[] zeroHeight = vote.clone();
        Arrays.fill(zeroHeight, 2, 10, (byte) 0);
        assertThat(reasonOf(zeroHeight)).isEqualTo(Reason.MALFORMED);
        byte[] negativeRound = vote.clone();
        negativeRound[10] = (byte) 0x80;
        assertThat(reasonOf(negativeRound)).isEqualTo(Reason.MALFORMED);
        byte[] negativeValidator = vote.clone();
        negativeValidator[1 + 1 + 8 + 4 + 32 + 8] = (byte) 0x80;
        assertThat(reasonOf(negativeValidator)).isEqualTo(Reason.MALFORMED);

        Encoder nil = new Encoder().u8(1).u64(7).u32(0).hash(Vote.NIL).u32(-1).u32(0);
        nil.fixed(new byte[64]).bytes(new byte[0]);
        assertThat(reasonOf(nil.toBytes())).isEqualTo(Reason.MALFORMED);
        Encoder pol = new Encoder().u8(1).u64(7).u32(2).hash(a).u32(2).u32(0);
        pol.fixed(new byte[64]).bytes(new byte[0]);
        assertThat(reasonOf(pol.toBytes())).isEqualTo(Reason.MALFORMED);
        Encoder zero = new Encoder().u8(1).u64(0).u32(0).hash(a).u32(-1).u32(0);
        zero.fixed(new byte[64]).bytes(new byte[0]);
        assertThat(reasonOf(zero.toBytes())).isEqualTo(Reason.MALFORMED);

        Encoder c = new Encoder()
                .u8(3)
                .u64(7)
                .bytes(new byte[0])
                .u64(7)
                .u32(-1)
                .hash(a)
                .varint(0);
        assertThat(reasonOf(c.toBytes())).isEqualTo(Reason.MALFORMED);
    }
}
