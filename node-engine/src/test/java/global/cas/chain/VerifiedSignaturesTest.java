package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Signature;
import global.cas.ledger.Amounts;
import global.cas.ledger.Transaction;
import global.cas.ledger.Witness;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestChain;
import global.cas.testing.TestNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Signatures verified once, at mempool entry, are not verified again when a block brings them. */
class VerifiedSignaturesTest {
    @Test
    @DisplayName("a verified transaction is remembered by its full encoding; a forged witness is still refused")
    void rememberedByEncoding() {
        StateMachine m = new StateMachine(TestChain.params(), new VerifiedSignatures(10));
        TestNode node = new TestNode();
        Transaction t = TestChain.pay(
                TestChain.funded(1),
                TestChain.genesisOutput(node.state(), 1),
                TestChain.funded(2).address(),
                Amounts.cas(1),
                10);
        m.checkStateless(t);
        assertThat(m.verifiedSignatures()).isEqualTo(1);
        m.checkStateless(Transaction.decode(t.encoded()));
        assertThat(m.verifiedSignatures()).isEqualTo(1);
        // same id, another (bad) signature: another encoding, verified and refused
        byte[] sig = t.witnesses().get(0).signature().bytes();
        sig[5] ^= 1;
        Transaction forged = unsigned(t)
                .withWitnesses(List.of(new Witness(t.witnesses().get(0).key(), Signature.of(sig))));
        assertThat(forged.id()).isEqualTo(t.id());
        assertThatThrownBy(() -> m.checkStateless(forged))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        assertThat(m.verifiedSignatures()).isEqualTo(1);
    }

    @Test
    @DisplayName("the cache is bounded: when its newer half is full the older half is forgotten")
    void bounded() {
        VerifiedSignatures v = new VerifiedSignatures(2);
        v.add(key(1));
        v.add(key(2));
        v.add(key(3));
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.contains(key(1))).isFalse();
        assertThat(v.contains(key(2))).isTrue();
        assertThat(v.contains(key(3))).isTrue();
    }

    @Test
    @DisplayName("each validator verifies a transaction once: the latest half of the capacity verified is never"
            + " forgotten when the cache turns over, so a block bringing them verifies none again")
    void turningOverKeepsTheLatest() {
        int capacity = 8;
        VerifiedSignatures v = new VerifiedSignatures(capacity);
        for (int added = 1; added <= 50; added++) {
            v.add(key(added));
            assertThat(v.size()).isLessThanOrEqualTo(capacity);
            for (int k = Math.max(1, added - capacity / 2 + 1); k <= added; k++) {
                assertThat(v.contains(key(k)))
                        .as("entry %d of %d added", k, added)
                        .isTrue();
            }
        }
    }

    private static global.cas.crypto.Hash key(int i) {
        return global.cas.crypto.Hash.sha256(new byte[] {(byte) i, (byte) (i >> 8)});
    }

    private static Transaction.Unsigned unsigned(Transaction t) {
        return new Transaction.Unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee(), t.action());
    }
}
