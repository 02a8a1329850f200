package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentReadTest {
    private static final int READERS = 6; // more than the pool's connections, so some wait

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    @DisplayName(
            "RPC threads read while the chain thread commits: the tip's block is always there whole, its transactions found by id")
    void readersSeeWholeBlocks() throws Exception {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ChainFixture.commit(store, chain.genesis());
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(READERS);
            List<Future<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(pool.submit(() -> readUntil(store, done)));
            }
            List<UnspentOutput> coins = new ArrayList<>();
            for (int k = 1; k <= 10; k++) {
                coins.add(TestChain.genesisOutput(chain.state, k));
            }
            for (int b = 0; b < 30; b++) {
                List<Transaction> transfers = new ArrayList<>();
                for (int k = 1; k <= 10; k++) {
                    transfers.add(TestChain.pay(
                            TestChain.funded(k),
                            coins.get(k - 1),
                            TestKeys.key(20).address(),
                            1_000,
                            chain.expiry()));
                }
                ChainFixture.commit(store, chain.next(transfers));
                for (int k = 0; k < 10; k++) {
                    coins.set(k, chain.unspent(transfers.get(k).id(), 1));
                }
            }
            done.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<Integer> r : readers) {
                assertThat(r.get()).isPositive();
            }
            assertThat(store.tip()).contains(chain.tip());
        }
    }

    private static int readUntil(H2ChainStore store, AtomicBoolean done) {
        int reads = 0;
        while (!done.get() || reads == 0) {
            ChainTip tip = store.tip().orElseThrow();
            Block block = store.block(tip.height()).orElseThrow();
            assertThat(block.hash()).isEqualTo(tip.hash());
            assertThat(store.blockByHash(tip.hash())).isPresent();
            for (Transaction t : block.transactions()) {
                assertThat(store.transaction(t.id()).orElseThrow().height()).isEqualTo(tip.height());
            }
            reads++;
        }
        return reads;
    }
}
