package global.cas.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WalletHistoryTest {
    private static List<UnspentOutput> rewardsOf(ExecutedBlock b) {
        return b.delta().created().stream()
                .filter(u -> u.storageId() >= UnspentOutput.storageId(b.block().height(), UnspentOutput.REWARD_SLOT, 0))
                .toList();
    }

    @Test
    @DisplayName(
            "a wallet's history shows what it received, sent (with fee), sent to itself and mined, and its sum equals its balance")
    void historyFromBlocks() {
        TestNode node = new TestNode();
        KeyPair alice = TestChain.funded(1);
        KeyPair bob = TestKeys.key(60);
        WalletHistory history = new WalletHistory(Set.of(alice.address()));
        ExecutedBlock genesis = Genesis.build(TestChain.params());
        history.scan(genesis.block(), genesis.delta().created());

        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        var toBob = builder.pay(
                node.state().unspentOf(alice.address()),
                Map.of(alice.address(), alice),
                List.of(new TxOutput(bob.address(), AssetId.CAS, Amounts.cas(10))),
                alice.address(),
                100);
        ExecutedBlock b1 = node.produce(List.of(toBob));
        history.scan(b1.block(), rewardsOf(b1));

        var toSelf = builder.pay(
                node.state().unspentOf(alice.address()),
                Map.of(alice.address(), alice),
                List.of(new TxOutput(alice.address(), AssetId.CAS, Amounts.cas(3))),
                alice.address(),
                100);
        node.setTip(TestBlocks.withTarget(node.tip(), -1L));
        var proof = TestBlocks.proof(node.tip(), alice.address());
        ExecutedBlock b2 = node.produce(List.of(toSelf, proof));
        history.scan(b2.block(), rewardsOf(b2));

        var kinds = history.entries().stream().map(WalletEntry::kind).toList();
        assertThat(kinds)
                .containsExactly(
                        WalletEntry.Kind.RECEIVED,
                        WalletEntry.Kind.SENT,
                        WalletEntry.Kind.SELF,
                        WalletEntry.Kind.MINED);
        WalletEntry sent = history.entries().get(1);
        assertThat(sent.net()).isEqualTo(-(Amounts.cas(10) + toBob.fee()));
        assertThat(sent.fee()).isEqualTo(toBob.fee());
        assertThat(sent.counterparties()).containsExactly(bob.address());
        assertThat(history.entries().get(2).net()).isEqualTo(-toSelf.fee());
        long sum = history.entries().stream().mapToLong(WalletEntry::net).sum();
        assertThat(sum).isEqualTo(node.state().balance(alice.address(), AssetId.CAS));
    }

    @Test
    @DisplayName(
            "a history resumed from its checkpoint after block 1 ends exactly like one that read every block; other addresses start again")
    void resumeFromCheckpoint() {
        TestNode node = new TestNode();
        KeyPair alice = TestChain.funded(1);
        KeyPair bob = TestKeys.key(61);
        Set<Address> mine = Set.of(alice.address());
        WalletHistory continuous = new WalletHistory(mine);
        assertThat(continuous.checkpoint()).isEmpty();
        ExecutedBlock genesis = Genesis.build(TestChain.params());
        continuous.scan(genesis.block(), genesis.delta().created());

        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        ExecutedBlock b1 = node.produce(List.of(builder.pay(
                node.state().unspentOf(alice.address()),
                Map.of(alice.address(), alice),
                List.of(new TxOutput(bob.address(), AssetId.CAS, Amounts.cas(10))),
                alice.address(),
                100)));
        continuous.scan(b1.block(), rewardsOf(b1));
        ScanCheckpoint cp = continuous.checkpoint().orElseThrow();
        assertThat(cp.height()).isEqualTo(1);
        assertThat(cp.blockHash()).isEqualTo(b1.block().hash());

        assertThat(cp.used()).containsExactly(alice.address());
        WalletHistory resumed = WalletHistory.resume(mine, cp);
        assertThat(resumed.scannedHeight()).isEqualTo(1);
        assertThat(resumed.usedAddresses()).containsExactly(alice.address());
        // block 2 spends the change of block 1: only a resumed history that kept its outputs sees it as sent
        ExecutedBlock b2 = node.produce(List.of(builder.pay(
                node.state().unspentOf(alice.address()),
                Map.of(alice.address(), alice),
                List.of(new TxOutput(bob.address(), AssetId.CAS, Amounts.cas(2))),
                alice.address(),
                100)));
        continuous.scan(b2.block(), rewardsOf(b2));
        resumed.scan(b2.block(), rewardsOf(b2));
        assertThat(resumed.entries()).isEqualTo(continuous.entries());
        assertThat(resumed.entries().get(2).kind()).isEqualTo(WalletEntry.Kind.SENT);
        assertThat(resumed.checkpoint()).isEqualTo(continuous.checkpoint());

        WalletHistory other = WalletHistory.resume(Set.of(alice.address(), bob.address()), cp);
        assertThat(other.scannedHeight())
                .as("a checkpoint for other addresses is not used")
                .isEqualTo(-1);
        assertThat(other.entries()).isEmpty();
    }

    @Test
    @DisplayName("skipping pruned blocks keeps the entries, takes the outputs held after them, records the gap"
            + " (runs that touch merge), saves it in the checkpoint, and a later spend of a held output is seen")
    void skipPrunedBlocks() {
        KeyPair alice = TestChain.funded(1);
        Address bob = TestKeys.key(62).address();
        Set<Address> mine = Set.of(alice.address());
        WalletHistory history = new WalletHistory(mine);
        ExecutedBlock genesis = Genesis.build(TestChain.params());
        history.scan(genesis.block(), genesis.delta().created());
        List<WalletEntry> fromGenesis = history.entries();
        assertThat(fromGenesis).hasSize(1);

        global.cas.crypto.Hash early = global.cas.crypto.Hash.sha256(new byte[] {1});
        UnspentOutput held = new UnspentOutput(
                new OutputRef(early, 0), new TxOutput(alice.address(), AssetId.CAS, Amounts.cas(4)), 77);
        UnspentOutput others = new UnspentOutput(new OutputRef(early, 1), new TxOutput(bob, AssetId.CAS, 9), 78);
        history.skipPruned(5, global.cas.crypto.Hash.sha256(new byte[] {5}), List.of(held, others));
        assertThat(history.scannedHeight()).isEqualTo(5);
        assertThat(history.gaps()).containsExactly(new HistoryGap(1, 5));
        assertThatThrownBy(() -> history.skipPruned(5, global.cas.crypto.Hash.ZERO, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        history.skipPruned(9, global.cas.crypto.Hash.sha256(new byte[] {9}), List.of(held));
        assertThat(history.gaps()).as("touching runs merge").containsExactly(new HistoryGap(1, 9));
        assertThat(history.entries()).isEqualTo(fromGenesis);

        ScanCheckpoint cp = history.checkpoint().orElseThrow();
        assertThat(cp.height()).isEqualTo(9);
        assertThat(cp.owned()).containsOnlyKeys(held.ref());
        assertThat(cp.gaps()).containsExactly(new HistoryGap(1, 9));
        WalletHistory resumed = WalletHistory.resume(mine, cp);
        assertThat(resumed.gaps()).containsExactly(new HistoryGap(1, 9));

        var spend = TestChain.pay(alice, held, bob, Amounts.cas(1), 100);
        resumed.scan(10, global.cas.crypto.Hash.sha256(new byte[] {10}), 0, List.of(spend), List.of());
        assertThat(resumed.entries().getLast().kind()).isEqualTo(WalletEntry.Kind.SENT);
        assertThat(resumed.entries().getLast().net()).isEqualTo(-(Amounts.cas(1) + spend.fee()));
        resumed.skipPruned(20, global.cas.crypto.Hash.sha256(new byte[] {20}), List.of());
        assertThat(resumed.gaps()).containsExactly(new HistoryGap(1, 9), new HistoryGap(11, 20));
        assertThat(resumed.checkpoint().orElseThrow().owned()).isEmpty();
    }

    @Test
    @DisplayName("a checkpoint refuses gaps out of order, overlapping or above its height")
    void checkpointGapRules() {
        var h = global.cas.crypto.Hash.ZERO;
        assertThatThrownBy(() -> new ScanCheckpoint(
                        5, h, Set.of(), Set.of(), Map.of(), List.of(), List.of(new HistoryGap(1, 6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanCheckpoint(
                        9,
                        h,
                        Set.of(),
                        Set.of(),
                        Map.of(),
                        List.of(),
                        List.of(new HistoryGap(4, 6), new HistoryGap(1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanCheckpoint(
                        9,
                        h,
                        Set.of(),
                        Set.of(),
                        Map.of(),
                        List.of(),
                        List.of(new HistoryGap(1, 4), new HistoryGap(4, 6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryGap(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HistoryGap(1, 4_321).blocks()).isEqualTo(4_321);
        assertThat(new ScanCheckpoint(3, h, Set.of(), Set.of(), Map.of(), List.of()).gaps())
                .isEmpty();
    }
}
