package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SameBlockSpendTest {
    @Test
    @DisplayName(
            "L1: an output created and spent in the same block is recorded as created and spent, and is not left unspent")
    void createdAndSpentInOneBlock() {
        TestNode node = new TestNode();
        KeyPair alice = TestChain.funded(1);
        KeyPair bob = TestKeys.key(70);
        UnspentOutput coin = TestChain.genesisOutput(node.state(), 1);
        Transaction first = TestChain.pay(alice, coin, bob.address(), 1_000_000, 100);
        UnspentOutput toBob = new UnspentOutput(
                new OutputRef(first.id(), 0), first.outputs().get(0), UnspentOutput.storageId(1, 0, 0));
        Transaction second = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        100,
                        List.of(toBob.ref()),
                        List.of(new TxOutput(TestKeys.key(71).address(), AssetId.CAS, 1_000_000 - 4_000)),
                        4_000)
                .sign(List.of(bob));
        ExecutedBlock built = node.build(List.<Transaction>of(first, second));
        assertThat(built.block().transactions()).containsExactly(first, second);
        assertThat(built.delta().created()).extracting(UnspentOutput::ref).contains(toBob.ref());
        assertThat(built.delta().spent()).extracting(UnspentOutput::ref).contains(toBob.ref());
        ExecutedBlock checked = node.validate(built.block());
        assertThat(checked.tip()).isEqualTo(built.tip());
        node.commit(checked);
        assertThat(node.state().unspent(toBob.ref())).isEmpty();
        assertThat(node.state().balance(bob.address(), AssetId.CAS)).isZero();
        assertThat(node.state().balance(TestKeys.key(71).address(), AssetId.CAS))
                .isEqualTo(1_000_000 - 4_000);
        assertThat(node.state().unspentOf(bob.address()))
                .as("the owner index forgets spent outputs")
                .isEmpty();
        assertThat(node.state().unspentOf(TestKeys.key(71).address()))
                .extracting(u -> u.output().amount())
                .containsExactly(1_000_000L - 4_000);
        assertThat(node.state().unspentOf(alice.address()))
                .as("L2: an owner's indexed outputs sum to its balance")
                .extracting(u -> u.output().amount())
                .containsExactly(node.state().balance(alice.address(), AssetId.CAS));
    }
}
