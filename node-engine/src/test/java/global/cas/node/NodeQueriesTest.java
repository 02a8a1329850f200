package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.node.query.BlockSummary;
import global.cas.node.query.NodeQueries;
import global.cas.node.query.TipSummary;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query records the UI reads say what the node's own types say, bounded by the tip. */
class NodeQueriesTest {
    @TempDir
    Path dir;

    private Node start(long blockIntervalMillis) {
        return Node.start(
                new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 1_000, blockIntervalMillis),
                H2ChainStore::open);
    }

    @Test
    @DisplayName("the tip summary names this chain and the fee in force; no block summary above the tip")
    void tipAndIdentity() {
        try (Node node = start(3_600_000)) {
            NodeQueries q = node;
            TipSummary t = q.tipSummary();
            assertThat(t.height()).isEqualTo(node.tip().height());
            assertThat(t.hash()).isEqualTo(node.tip().hash());
            assertThat(t.time()).isEqualTo(node.tip().time());
            assertThat(t.chainId()).isEqualTo(TestChain.CHAIN_ID);
            assertThat(t.network()).isEqualTo(node.params().network());
            assertThat(t.genesisHash()).isEqualTo(node.genesisHash());
            assertThat(t.localOnly()).isEqualTo(node.localOnly());
            assertThat(t.minFeePerByte()).isEqualTo(TestChain.MIN_FEE_PER_BYTE);
            assertThat(q.blockSummary(t.height() + 1)).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "S4: a block summary holds the block's transactions and rewards; a lookup finds the transfer, then its height; an unknown id is empty")
    void blockSummaryAndLookup() throws Exception {
        KeyPair from = TestChain.funded(3);
        try (Node node = start(50)) {
            NodeQueries q = node;
            BlockSummary genesis = q.blockSummary(0).orElseThrow();
            assertThat(genesis.hash()).isEqualTo(node.genesisHash());
            assertThat(genesis.rewards()).isEqualTo(node.blockRewards(0));
            Transaction tx = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                    .pay(
                            q.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            List.of(new TxOutput(TestKeys.key(43).address(), AssetId.CAS, Amounts.cas(7))),
                            from.address(),
                            q.tipSummary().height() + 1_000);
            q.submit(tx).join();
            assertThat(q.lookupTransaction(tx.id()))
                    .hasValueSatisfying(k -> assertThat(k.transaction()).isEqualTo(tx));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!q.lookupTransaction(tx.id()).orElseThrow().isCommitted()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
            long height = q.lookupTransaction(tx.id()).orElseThrow().height().getAsLong();
            BlockSummary b = q.blockSummary(height).orElseThrow();
            var block = node.block(height).orElseThrow();
            assertThat(b.hash()).isEqualTo(block.hash());
            assertThat(b.time()).isEqualTo(block.header().time());
            assertThat(b.transactions()).isEqualTo(block.transactions()).contains(tx);
            assertThat(b.rewards()).isEqualTo(node.blockRewards(height));
            assertThat(q.lookupTransaction(Hash.sha256(new byte[] {44}))).isEmpty();
        }
    }
}
