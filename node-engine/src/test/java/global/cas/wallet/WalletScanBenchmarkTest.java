package global.cas.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.TxOutput;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.data.WalletData;
import global.cas.wallet.data.h2.WalletDataFiles;
import global.cas.wallet.data.h2.WalletDataH2Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the saved wallet history checkpoint saves when a wallet opens: the time to scan a chain of
 * {@value #BLOCKS} blocks from genesis, against loading the checkpoint and reading the last
 * {@value #NEW_BLOCKS} blocks. Prints the figures (docs/benchmarks.md); asserts only that both ways
 * give the same history.
 */
@Tag("benchmark")
class WalletScanBenchmarkTest {
    private static final int BLOCKS = 10_000;
    private static final int NEW_BLOCKS = 60;
    private static final int PAY_EVERY = 50;

    @TempDir
    Path dir;

    @Test
    @DisplayName("scan from genesis vs resume from a saved checkpoint (measured, not asserted)")
    void scanVersusResume() {
        KeyPair payer = TestChain.funded(1);
        Address wallet = TestKeys.key(70).address();
        NodeConfig config = new NodeConfig(
                dir.resolve("node"), TestChain.params(), Optional.of(TestChain.validator()), 1_000, 3_600_000);
        try (Node node = Node.start(config, H2ChainStore::open)) {
            TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
            long time = node.tip().time();
            for (int h = 1; h <= BLOCKS; h++) {
                if (h % PAY_EVERY == 0) {
                    node.submit(builder.pay(
                                    node.spendableOutputs(payer.address()),
                                    Map.of(payer.address(), payer),
                                    List.of(new TxOutput(wallet, AssetId.CAS, Amounts.cas(1))),
                                    payer.address(),
                                    node.tip().height() + 5))
                            .join();
                }
                time += 1_000;
                node.chain().produce(TestChain.validator(), time).join();
            }
            long tip = node.tip().height();

            long t0 = System.nanoTime();
            WalletHistory full = new WalletHistory(Set.of(wallet));
            for (long h = 0; h <= tip; h++) {
                full.scan(node.block(h).orElseThrow(), node.blockRewards(h));
            }
            long fullNanos = System.nanoTime() - t0;

            // the checkpoint a wallet closed NEW_BLOCKS blocks ago would have saved
            WalletHistory older = new WalletHistory(Set.of(wallet));
            for (long h = 0; h <= tip - NEW_BLOCKS; h++) {
                older.scan(node.block(h).orElseThrow(), node.blockRewards(h));
            }
            Path walletFile = dir.resolve("bench.wallet");
            long t1 = System.nanoTime();
            try (WalletData data = WalletDataH2Store.forKeystore(walletFile, WalletDataFiles.key(1))) {
                data.saveScanCheckpoint(older.checkpoint().orElseThrow(), 0);
            }
            long saveNanos = System.nanoTime() - t1;

            long t2 = System.nanoTime();
            WalletHistory resumed;
            try (WalletData data = WalletDataH2Store.forKeystore(walletFile, WalletDataFiles.key(1))) {
                resumed = WalletHistory.resume(
                        Set.of(wallet), data.scanCheckpoint().orElseThrow());
            }
            for (long h = resumed.scannedHeight() + 1; h <= tip; h++) {
                resumed.scan(node.block(h).orElseThrow(), node.blockRewards(h));
            }
            long resumeNanos = System.nanoTime() - t2;

            assertThat(resumed.entries()).isEqualTo(full.entries());
            assertThat(full.entries()).hasSize(BLOCKS / PAY_EVERY);
            System.out.printf(
                    "wallet scan: %,d blocks from genesis in %,d ms (%,d blocks/s); checkpoint of %,d entries saved in %,d ms;"
                            + " open from it (load + %d new blocks) in %,d ms%n",
                    tip + 1,
                    fullNanos / 1_000_000,
                    (tip + 1) * 1_000_000_000L / fullNanos,
                    full.entries().size(),
                    saveNanos / 1_000_000,
                    NEW_BLOCKS,
                    resumeNanos / 1_000_000);
        }
    }
}
