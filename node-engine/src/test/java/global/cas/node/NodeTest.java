package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real node on H2 in a temporary folder, producing 50 ms blocks. */
class NodeTest {
    @TempDir
    Path dir;

    private Node start() {
        return Node.start(
                new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 1_000, 50),
                H2ChainStore::open);
    }

    /** A node that makes no blocks by itself: what its mempool holds stays there. */
    private Node startIdle() {
        return Node.start(
                new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 1_000, 3_600_000),
                H2ChainStore::open);
    }

    private static void awaitHeight(Node node, long height) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (node.tip().height() < height) {
            assertThat(System.nanoTime()).as("height %d not reached", height).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("C2: a lone validator makes blocks on its interval and announces each commit")
    void producesBlocks() throws Exception {
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        long third;
        try (Node node = start()) {
            node.subscribe(events::add);
            // blocks may already have come before the subscription: count from what the tip is now
            third = node.tip().height() + 3;
            awaitHeight(node, third);
            assertThat(node.isValidator()).isTrue();
            assertThat(node.block(third)).isPresent();
            assertThat(node.block(third).orElseThrow().header().previousHash())
                    .isEqualTo(node.block(third - 1).orElseThrow().hash());
        }
        assertThat(events).anyMatch(e -> e instanceof NodeEvent.BlockCommitted b && b.height() == third);
        assertThat(events.get(events.size() - 1)).isInstanceOf(NodeEvent.NodeStopped.class);
    }

    @Test
    @DisplayName("L2, S6: a transfer is committed, both balances change and the packer earns the fee")
    void transferCommitted() throws Exception {
        KeyPair from = TestChain.funded(1);
        KeyPair to = TestKeys.key(40);
        try (Node node = start()) {
            long before = node.balance(from.address(), AssetId.CAS);
            Transaction tx = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                    .pay(
                            node.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            List.of(new TxOutput(to.address(), AssetId.CAS, Amounts.cas(1234))),
                            from.address(),
                            node.tip().height() + 1_000);
            node.submit(tx).join();
            // pending, or already in one of the 50 ms blocks
            assertThat(node.findTransaction(tx.id())).isPresent();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (node.transaction(tx.id()).isEmpty()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(node.balance(to.address(), AssetId.CAS)).isEqualTo(Amounts.cas(1234));
            assertThat(node.balance(from.address(), AssetId.CAS)).isEqualTo(before - Amounts.cas(1234) - tx.fee());
            long height = node.transaction(tx.id()).orElseThrow().height();
            var block = node.block(height).orElseThrow();
            assertThat(block.transactions()).contains(tx);
            assertThat(node.findTransaction(tx.id()))
                    .hasValueSatisfying(k -> assertThat(k.isCommitted()).isTrue());
            // the mempool lets it go right after the tip moves on
            while (node.pendingTransaction(tx.id()).isPresent()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(1);
            }
            assertThat(node.blockRewards(0)).hasSize(11);
            var rewards = node.blockRewards(height);
            assertThat(rewards).hasSize(1);
            assertThat(rewards.get(0).output().owner())
                    .isEqualTo(TestChain.validator().address());
            assertThat(rewards.get(0).output().amount())
                    .as("S4, S6: packer reward plus the fee")
                    .isEqualTo(Amounts.cas(50) / 2 + tx.fee());
        }
    }

    @Test
    @DisplayName("L1: spending an output twice through the node is refused with DOUBLE_SPEND and nothing is lost")
    void doubleSpendThroughNode() {
        KeyPair from = TestChain.funded(2);
        // no block in between: the first transfer must still be pending when the second comes
        try (Node node = startIdle()) {
            var coins = node.spendableOutputs(from.address());
            TransferBuilder b = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
            Transaction first = b.pay(
                    coins,
                    Map.of(from.address(), from),
                    List.of(new TxOutput(TestKeys.key(41).address(), AssetId.CAS, 5)),
                    from.address(),
                    1_000);
            Transaction second = b.pay(
                    coins,
                    Map.of(from.address(), from),
                    List.of(new TxOutput(TestKeys.key(42).address(), AssetId.CAS, 6)),
                    from.address(),
                    1_000);
            node.submit(first).join();
            assertThatThrownBy(() -> node.submit(second).join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOUBLE_SPEND));
        }
    }

    @Test
    @DisplayName("the node restarts where it stopped, and a second node on the same data folder is refused")
    void restartAndSingleInstance() throws Exception {
        long height;
        try (Node node = start()) {
            awaitHeight(node, 2);
            assertThatThrownBy(this::start)
                    .isInstanceOf(DataDirLock.AlreadyOpenException.class)
                    .hasMessageContaining("already open");
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            height = store.tip().orElseThrow().height();
            assertThat(new ChainVerifier(TestChain.params()).verify(store).consistent())
                    .isTrue();
        }
        try (Node node = start()) {
            assertThat(node.tip().height()).isGreaterThanOrEqualTo(height);
            awaitHeight(node, height + 2);
        }
    }

    @Test
    @DisplayName("a data folder of another chain is refused instead of mixed")
    void otherChainRefused() throws Exception {
        try (Node node = start()) {
            awaitHeight(node, 1);
        }
        var other = global.cas.chain.Genesis.bundled(global.cas.crypto.Network.DEVNET);
        assertThatThrownBy(() -> Node.start(new NodeConfig(dir, other, Optional.empty(), 10, 1000), H2ChainStore::open))
                .hasMessageContaining("another chain");
        try (Node again = start()) {
            assertThat(again.tip().height()).isGreaterThanOrEqualTo(1);
        }
    }
}
