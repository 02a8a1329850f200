package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ChainParams;
import global.cas.ledger.AssetId;
import global.cas.ledger.TxOutput;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers see one height whole: tip and balances of the same block, never one half applied. */
class SnapshotReadTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("S1, L2: while blocks commit, every read sees the balances add up to the supply released at its tip")
    void balancesMatchTip() throws Exception {
        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        AtomicReference<String> broken = new AtomicReference<>();
        try (Node node = TestDataFolder.startIdle(dir)) {
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    String seen = node.read(v -> {
                        long sum = 0;
                        for (long b : v.balances().values()) {
                            sum += b;
                        }
                        long released = ChainParams.SUPPLY_CAP - v.tip().frozenRemaining();
                        return sum == released ? null : "height " + v.height() + ": " + sum + " != " + released;
                    });
                    if (seen != null) {
                        broken.compareAndSet(null, seen);
                    }
                    reads.incrementAndGet();
                }
            });
            reader.start();
            for (int b = 0; b < 12; b++) {
                List<global.cas.ledger.Transaction> txs = new ArrayList<>();
                for (int k = 1; k <= 10; k++) {
                    var from = TestChain.funded(k);
                    txs.add(builder.pay(
                            node.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            List.of(new TxOutput(TestKeys.key(80 + k).address(), AssetId.CAS, 1_000L + b)),
                            from.address(),
                            node.tip().height() + 20));
                }
                node.submitAll(txs);
                node.chain()
                        .produce(TestChain.validator(), node.tip().time() + 1000)
                        .get(30, TimeUnit.SECONDS);
            }
            stop.set(true);
            reader.join(10_000);
            assertThat(broken.get()).as("a read that saw a block half applied").isNull();
            assertThat(reads.get()).isPositive();
            assertThat(node.tip().height()).isEqualTo(12);
        }
    }
}
