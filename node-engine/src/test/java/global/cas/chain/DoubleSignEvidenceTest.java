package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.codec.Encoder;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.crypto.KeyPair;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestChain;
import global.cas.testing.TestEvidence;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSchedule;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C4: evidence of a double sign, made from real consensus votes, its encoding and its rules. */
class DoubleSignEvidenceTest {
    private static final String CHAIN = TestChain.CHAIN_ID;
    private static final KeyPair V0 = TestKeys.key(30);
    private static final KeyPair V1 = TestKeys.key(31);
    private static final ValidatorSet SET =
            new ValidatorSet(List.of(new Validator(V0.publicKey(), 1), new Validator(V1.publicKey(), 1)));
    private static final ValidatorSchedule SCHEDULE = ValidatorSchedule.genesis(SET);
    private static final EvidenceRules RULES = new EvidenceRules(CHAIN);

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static DoubleSignEvidence evidence(KeyPair key, VoteType type, long height, int round, int validator) {
        List<Vote> v = TestEvidence.conflictingVotes(key, CHAIN, type, height, round, validator);
        return v.get(0).evidenceWith(v.get(1));
    }

    private static void check(DoubleSignEvidence e, long blockHeight) {
        RULES.check(e, blockHeight, SCHEDULE, RecordedEvidence.EMPTY, Set.of());
    }

    @Test
    @DisplayName(
            "C4: two real consensus votes of one validator for one slot convert to evidence that verifies on chain")
    void votesConvertAndVerify() {
        for (VoteType type : VoteType.values()) {
            List<Vote> votes = TestEvidence.conflictingVotes(V1, CHAIN, type, 7, 2, 1);
            assertThat(votes).allMatch(v -> v.verify(CHAIN, V1.publicKey()));
            DoubleSignEvidence e = votes.get(0).evidenceWith(votes.get(1));
            assertThat(e.key()).isEqualTo(new DoubleSignEvidence.Key(7, 2, type.kind(), 1));
            assertThat(e.canonical()).isTrue();
            assertThat(e.verify(CHAIN, V1.publicKey())).isTrue();
            assertThat(e.verify("another-chain", V1.publicKey())).isFalse();
            assertThat(e.verify(CHAIN, V0.publicKey())).isFalse();
            assertThat(votes.get(1).evidenceWith(votes.get(0)))
                    .as("one form whatever the order")
                    .isEqualTo(e);
            check(e, 7);
            check(e, 8);
        }
    }

    @Test
    @DisplayName("C3, C4: a precommit in evidence signs exactly what a commit's precommit signs")
    void precommitSignsAsInACommit() {
        Vote v = Vote.sign(V0, CHAIN, VoteType.PRECOMMIT, 4, 0, TestEvidence.value("a"), 99, 0);
        Precommit p = v.precommit();
        assertThat(V0.publicKey().verify(Precommit.signBytes(CHAIN, 4, 0, v.value(), 99), p.signature()))
                .isTrue();
        assertThat(VoteKind.PRECOMMIT.signBytes(CHAIN, 4, 0, v.value(), 99))
                .isEqualTo(Precommit.signBytes(CHAIN, 4, 0, v.value(), 99));
    }

    @Test
    @DisplayName("C4: a prevote signs the domain 'CAS prevote', chain, height, round, value and timestamp, as before")
    void prevoteSignBytes() {
        Encoder e = new Encoder();
        e.fixed("CAS prevote".getBytes(StandardCharsets.US_ASCII))
                .string(CHAIN)
                .u64(4)
                .u32(1)
                .hash(TestEvidence.value("a"))
                .u64(99);
        assertThat(Vote.signBytes(CHAIN, VoteType.PREVOTE, 4, 1, TestEvidence.value("a"), 99))
                .isEqualTo(VoteKind.PREVOTE.signBytes(CHAIN, 4, 1, TestEvidence.value("a"), 99))
                .isEqualTo(e.toBytes());
        for (VoteType t : VoteType.values()) {
            assertThat(t.kind().code()).isEqualTo(t.code());
        }
    }

    @Test
    @DisplayName("C4: votes for one value, or of two slots, are no double sign")
    void notADoubleSign() {
        Vote a = Vote.sign(V0, CHAIN, VoteType.PREVOTE, 4, 0, TestEvidence.value("a"), 1, 0);
        Vote sameValue = Vote.sign(V0, CHAIN, VoteType.PREVOTE, 4, 0, TestEvidence.value("a"), 2, 0);
        Vote otherRound = Vote.sign(V0, CHAIN, VoteType.PREVOTE, 4, 1, TestEvidence.value("b"), 2, 0);
        assertThatThrownBy(() -> a.evidenceWith(sameValue)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.evidenceWith(otherRound)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("C4: evidence round-trips through its encoding; damaged bytes are refused")
    void codec() {
        DoubleSignEvidence e = evidence(V1, VoteType.PRECOMMIT, 9, 3, 1);
        byte[] enc = e.encoded();
        assertThat(enc).hasSize(DoubleSignEvidence.ENCODED_BYTES);
        assertThat(DoubleSignEvidence.decode(enc)).isEqualTo(e);
        assertThat(DoubleSignEvidence.decode(enc).hash()).isEqualTo(e.hash());

        byte[] kind = enc.clone();
        kind[0] = 3;
        rejected(() -> DoubleSignEvidence.decode(kind), Reason.MALFORMED);
        byte[] heightZero = enc.clone();
        Arrays.fill(heightZero, 1, 9, (byte) 0);
        rejected(() -> DoubleSignEvidence.decode(heightZero), Reason.MALFORMED);
        byte[] negativeRound = enc.clone();
        Arrays.fill(negativeRound, 9, 13, (byte) 0xff);
        rejected(() -> DoubleSignEvidence.decode(negativeRound), Reason.MALFORMED);
        byte[] negativeValidator = enc.clone();
        Arrays.fill(negativeValidator, 13, 17, (byte) 0xff);
        rejected(() -> DoubleSignEvidence.decode(negativeValidator), Reason.MALFORMED);
        rejected(() -> DoubleSignEvidence.decode(Arrays.copyOf(enc, enc.length - 1)), Reason.TRUNCATED);
        rejected(() -> DoubleSignEvidence.decode(Arrays.copyOf(enc, enc.length + 1)), Reason.MALFORMED);
    }

    @Test
    @DisplayName("C4: a block carrying evidence round-trips; damaged evidence in it, or too much, is refused")
    void inABlock() {
        TestNode node = new TestNode();
        DoubleSignEvidence e = TestEvidence.doubleSign(TestChain.validator(), VoteType.PREVOTE, 1, 0, 0);
        Block b = node.executor()
                .propose(
                        node.chainState(),
                        List.of(),
                        List.of(e),
                        node.tip().time() + 1000,
                        TestChain.validator(),
                        d -> {})
                .block();
        assertThat(b.evidence()).containsExactly(e);
        assertThat(b.header().evidenceHash()).isEqualTo(DoubleSignEvidence.root(List.of(e)));
        byte[] enc = b.encoded();
        assertThat(Block.decode(enc)).isEqualTo(b);
        assertThat(Block.decode(enc).hash()).isEqualTo(b.hash());

        // the evidence is the block's last part: its kind byte sits ENCODED_BYTES from the end
        byte[] damaged = enc.clone();
        damaged[enc.length - DoubleSignEvidence.ENCODED_BYTES] = 9;
        rejected(() -> Block.decode(damaged), Reason.MALFORMED);
        rejected(() -> Block.decode(Arrays.copyOf(enc, enc.length - 10)), Reason.TRUNCATED);

        List<DoubleSignEvidence> tooMany = java.util.Collections.nCopies(DoubleSignEvidence.MAX_PER_BLOCK + 1, e);
        Block big = TestEvidence.carrying(b, tooMany);
        rejected(() -> Block.decode(big.encoded()), Reason.OVERSIZE);
        rejected(() -> node.validate(big), Reason.OVERSIZE);
    }

    @Test
    @DisplayName("C4: evidence by a validator of its height, for two values, within 100,000 blocks, holds")
    void rulesAcceptAndAge() {
        DoubleSignEvidence e = evidence(V0, VoteType.PREVOTE, 1, 0, 0);
        check(e, 1);
        check(e, 1 + DoubleSignEvidence.MAX_AGE_HEIGHTS);
        rejected(() -> check(e, 2 + DoubleSignEvidence.MAX_AGE_HEIGHTS), Reason.BAD_EVIDENCE);
        rejected(() -> check(evidence(V0, VoteType.PREVOTE, 6, 0, 0), 5), Reason.BAD_EVIDENCE);
    }

    @Test
    @DisplayName("C4: forged evidence is BAD_EVIDENCE: one value twice, values out of order, unknown validator,"
            + " another's signature, another chain")
    void rulesRefuseForgeries() {
        DoubleSignEvidence good = evidence(V0, VoteType.PRECOMMIT, 3, 1, 0);
        DoubleSignEvidence sameValue = new DoubleSignEvidence(3, 1, VoteKind.PRECOMMIT, 0, good.first(), good.first());
        rejected(() -> check(sameValue, 3), Reason.BAD_EVIDENCE);
        DoubleSignEvidence swapped = new DoubleSignEvidence(3, 1, VoteKind.PRECOMMIT, 0, good.second(), good.first());
        rejected(() -> check(swapped, 3), Reason.BAD_EVIDENCE);
        rejected(() -> check(evidence(V0, VoteType.PRECOMMIT, 3, 1, 2), 3), Reason.BAD_EVIDENCE);
        rejected(() -> check(evidence(V1, VoteType.PRECOMMIT, 3, 1, 0), 3), Reason.BAD_EVIDENCE);
        DoubleSignEvidence kindChanged = new DoubleSignEvidence(3, 1, VoteKind.PREVOTE, 0, good.first(), good.second());
        rejected(() -> check(kindChanged, 3), Reason.BAD_EVIDENCE);
        List<Vote> elsewhere = TestEvidence.conflictingVotes(V0, "cas-other-1", VoteType.PRECOMMIT, 3, 1, 0);
        rejected(() -> check(elsewhere.get(0).evidenceWith(elsewhere.get(1)), 3), Reason.BAD_EVIDENCE);
    }

    @Test
    @DisplayName("C4: evidence is checked against the validator set in force at its own height")
    void setOfItsHeight() {
        // from height 5, V1 alone validates: index 0 is V1 there
        ValidatorSchedule changed = SCHEDULE.with(5, new ValidatorSet(List.of(new Validator(V1.publicKey(), 1))));
        DoubleSignEvidence before = evidence(V0, VoteType.PREVOTE, 4, 0, 0);
        DoubleSignEvidence after = evidence(V0, VoteType.PREVOTE, 5, 0, 0);
        RULES.check(before, 6, changed, RecordedEvidence.EMPTY, Set.of());
        rejected(() -> RULES.check(after, 6, changed, RecordedEvidence.EMPTY, Set.of()), Reason.BAD_EVIDENCE);
        RULES.check(evidence(V1, VoteType.PREVOTE, 5, 0, 0), 6, changed, RecordedEvidence.EMPTY, Set.of());
        rejected(
                () -> RULES.check(
                        evidence(V1, VoteType.PREVOTE, 5, 0, 1), 6, changed, RecordedEvidence.EMPTY, Set.of()),
                Reason.BAD_EVIDENCE);
    }

    @Test
    @DisplayName("C4: a slot recorded already, on chain or earlier in the block, is DUPLICATE_EVIDENCE")
    void duplicates() {
        DoubleSignEvidence e = evidence(V0, VoteType.PREVOTE, 2, 0, 0);
        RecordedEvidence recorded = RecordedEvidence.EMPTY.after(3, List.of(e));
        rejected(() -> RULES.check(e, 4, SCHEDULE, recorded, Set.of()), Reason.DUPLICATE_EVIDENCE);
        rejected(() -> RULES.check(e, 4, SCHEDULE, RecordedEvidence.EMPTY, Set.of(e.key())), Reason.DUPLICATE_EVIDENCE);
        // another pair of votes for the same slot is the same double sign
        Vote third = Vote.sign(V0, CHAIN, VoteType.PREVOTE, 2, 0, TestEvidence.value("c"), 5, 0);
        Vote first = TestEvidence.conflictingVotes(V0, CHAIN, VoteType.PREVOTE, 2, 0, 0)
                .get(0);
        rejected(
                () -> RULES.check(first.evidenceWith(third), 4, SCHEDULE, recorded, Set.of()),
                Reason.DUPLICATE_EVIDENCE);
        // another round or kind is another double sign
        RULES.check(evidence(V0, VoteType.PREVOTE, 2, 1, 0), 4, SCHEDULE, recorded, Set.of());
        RULES.check(evidence(V0, VoteType.PRECOMMIT, 2, 0, 0), 4, SCHEDULE, recorded, Set.of());
    }

    @Test
    @DisplayName("C4, C6: the evidence root changes only with blocks that record evidence; old keys leave the window")
    void recordedState() {
        DoubleSignEvidence e = evidence(V0, VoteType.PREVOTE, 2, 0, 0);
        assertThat(RecordedEvidence.EMPTY.after(5, List.of())).isSameAs(RecordedEvidence.EMPTY);
        RecordedEvidence one = RecordedEvidence.EMPTY.after(3, List.of(e));
        assertThat(one.root()).isNotEqualTo(RecordedEvidence.EMPTY.root());
        assertThat(one.contains(e.key())).isTrue();
        assertThat(RecordedEvidence.EMPTY.after(4, List.of(e)).root())
                .as("the height is in the root")
                .isNotEqualTo(one.root());
        DoubleSignEvidence later = evidence(V1, VoteType.PREVOTE, 3 + DoubleSignEvidence.MAX_AGE_HEIGHTS, 0, 1);
        RecordedEvidence two = one.after(3 + DoubleSignEvidence.MAX_AGE_HEIGHTS, List.of(later));
        assertThat(two.contains(e.key())).as("out of the window").isFalse();
        assertThat(two.contains(later.key())).isTrue();
        assertThat(two.keys()).hasSize(1);
    }
}
