package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ExecutedBlock;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How big the chain file grows when blocks come as fast as the store commits them (a sync from
 * genesis), against its live data (a copy after {@code SHUTDOWN COMPACT}), with the store's
 * compaction policy and the one before issue 7, in the same run. Prints the figures
 * (docs/benchmarks.md, "Storage growth"); asserts only that every block was stored, nothing about
 * time or size. {@code -Dcas.storage.emptyBlocks=N}, {@code -Dcas.storage.transferBlocks=N} change
 * the lengths.
 */
@Tag("benchmark")
class StorageGrowthBenchmarkTest {
    private static final int EMPTY_BLOCKS = Integer.getInteger("cas.storage.emptyBlocks", 25_000);
    private static final int TRANSFER_BLOCKS = Integer.getInteger("cas.storage.transferBlocks", 40);
    private static final int TRANSFERS_PER_BLOCK = 2_000;
    private static final int SAMPLES = 10;
    private static final int PAYERS = 10;
    private static final int PRUNE_KEEP = 5;

    private static final Map<String, CompactionPolicy> POLICIES = policies();

    /** Before issue 7 and now; {@code -Dcas.storage.policy=retention,rate,bytes} adds a candidate. */
    private static Map<String, CompactionPolicy> policies() {
        Map<String, CompactionPolicy> m = new java.util.LinkedHashMap<>();
        m.put("before", CompactionPolicy.BEFORE_ISSUE_7);
        m.put("now", CompactionPolicy.DEFAULT);
        String candidate = System.getProperty("cas.storage.policy");
        if (candidate != null) {
            String[] p = candidate.split(",");
            m.put(
                    "candidate",
                    new CompactionPolicy(
                            Integer.parseInt(p[0]),
                            Integer.parseInt(p[1]),
                            Integer.parseInt(p[2]),
                            p.length > 3 ? Integer.parseInt(p[3]) : 100));
        }
        String only = System.getProperty("cas.storage.only");
        if (only != null) {
            m.keySet().retainAll(List.of(only.split(",")));
        }
        return m;
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("Empty blocks committed as fast as possible: bytes on disk per block, file against live data")
    void emptyBlocks() throws Exception {
        for (String name : POLICIES.keySet()) {
            Path data = dir.resolve("empty-" + name);
            ChainFixture chain = new ChainFixture();
            Growth growth = new Growth();
            long start = System.nanoTime();
            try (H2ChainStore store = H2ChainStore.open(data, POLICIES.get(name))) {
                ChainFixture.commit(store, chain.genesis());
                for (int b = 1; b <= EMPTY_BLOCKS; b++) {
                    ChainFixture.commit(store, chain.next(List.of()));
                    if (b % (EMPTY_BLOCKS / SAMPLES) == 0) {
                        growth.sample(store, data);
                    }
                }
                assertThat(store.tip()).contains(chain.tip());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ChainFileSize after = ChainFileSize.of(data);
            System.out.printf(
                    "Storage growth, empty blocks, policy %s %s: %,d blocks in %.1f s (%.0f blocks/s, sampling included);"
                            + " during the run the file was at most %.2f MB, file/live at each tenth %s;"
                            + " after a clean stop %,d bytes on disk (%,.0f a block), live %,d (%,.0f a block),"
                            + " %,d uncompressed, file/live %.2f%n",
                    name,
                    POLICIES.get(name),
                    EMPTY_BLOCKS,
                    seconds,
                    EMPTY_BLOCKS / seconds,
                    growth.maxFile / 1e6,
                    growth.ratios,
                    after.fileBytes(),
                    (double) after.fileBytes() / EMPTY_BLOCKS,
                    after.liveBytes(),
                    (double) after.liveBytes() / EMPTY_BLOCKS,
                    after.uncompressedBytes(),
                    after.ratio());
        }
    }

    @Test
    @DisplayName(
            "Blocks of 2,000 transfers committed as fast as possible: bytes on disk per transfer, file against live data")
    void blocksOfTransfers() throws Exception {
        for (String name : POLICIES.keySet()) {
            transfers(name, false);
        }
    }

    @Test
    @DisplayName(
            "The same blocks of transfers on a pruning node: bytes on disk once all but the last blocks are pruned")
    void prunedBlocksOfTransfers() throws Exception {
        transfers(POLICIES.keySet().iterator().next(), true);
    }

    private void transfers(String name, boolean prune) throws Exception {
        {
            Path data = dir.resolve("transfers-" + name + (prune ? "-pruned" : ""));
            ChainFixture chain = new ChainFixture();
            Growth growth = new Growth();
            List<Address> payees = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                payees.add(TestKeys.key(100 + i).address());
            }
            long start = System.nanoTime();
            try (H2ChainStore store = H2ChainStore.open(data, POLICIES.get(name))) {
                ChainFixture.commit(store, chain.genesis());
                List<UnspentOutput> coins = split(chain, store);
                for (int b = 1; b <= TRANSFER_BLOCKS; b++) {
                    List<UnspentOutput> spend = coins;
                    long expiry = chain.expiry();
                    List<Transaction> transfers = IntStream.range(0, TRANSFERS_PER_BLOCK)
                            .parallel()
                            .mapToObj(i -> TestChain.pay(
                                    TestChain.funded(1 + i % PAYERS),
                                    spend.get(i),
                                    payees.get(i % payees.size()),
                                    1_000,
                                    expiry))
                            .toList();
                    ExecutedBlock block = chain.next(transfers);
                    ChainFixture.commit(store, block);
                    List<UnspentOutput> change = new ArrayList<>(TRANSFERS_PER_BLOCK);
                    for (Transaction t : transfers) {
                        change.add(chain.unspent(t.id(), 1));
                    }
                    coins = change;
                    if (b % Math.max(1, TRANSFER_BLOCKS / SAMPLES) == 0) {
                        growth.sample(store, data);
                    }
                }
                assertThat(store.tip()).contains(chain.tip());
                if (prune) {
                    long below = chain.tip().height() - PRUNE_KEEP + 1;
                    while (store.prunedBelow() < below) {
                        store.prune(below, 20_000);
                    }
                    // empty blocks after the pruning, as a running node makes them: the compactor
                    // rewrites the chunks the deletions emptied one pass a commit
                    for (int i = 0; i < 200; i++) {
                        ChainFixture.commit(store, chain.next(List.of()));
                        store.awaitCompaction();
                    }
                    growth.sample(store, data);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ChainFileSize after = ChainFileSize.of(data);
            long transfers = (long) TRANSFER_BLOCKS * TRANSFERS_PER_BLOCK;
            System.out.printf(
                    (prune ? "PRUNED to the last " + PRUNE_KEEP + " blocks, then 200 empty blocks: " : "")
                            + "Storage growth, blocks of %,d transfers, policy %s %s: %,d transfers in %d blocks, %.1f s (signing and sampling"
                            + " included); during the run the file was at most %.2f MB, file/live at each tenth %s;"
                            + " after a clean stop %,d bytes on disk (%,.0f a transfer), live %,d (%,.0f a transfer),"
                            + " %,d uncompressed, file/live %.2f%n",
                    TRANSFERS_PER_BLOCK,
                    name,
                    POLICIES.get(name),
                    transfers,
                    TRANSFER_BLOCKS,
                    seconds,
                    growth.maxFile / 1e6,
                    growth.ratios,
                    after.fileBytes(),
                    (double) after.fileBytes() / transfers,
                    after.liveBytes(),
                    (double) after.liveBytes() / transfers,
                    after.uncompressedBytes(),
                    after.ratio());
        }
    }

    /** The largest file and each file/live ratio seen at the samples taken while blocks were committed. */
    private static final class Growth {
        long maxFile;
        final StringBuilder ratios = new StringBuilder();

        /** Between two commits, with the compactor idle, the file is what a crash would leave: copy it. */
        void sample(H2ChainStore store, Path data) throws IOException, InterruptedException {
            store.awaitCompaction();
            ChainFileSize now = ChainFileSize.of(data);
            maxFile = Math.max(maxFile, now.fileBytes());
            ratios.append(ratios.isEmpty() ? "" : " ").append(String.format("%.2f", now.ratio()));
            assertThat(Files.size(data.resolve("chain.mv.db"))).isPositive();
        }
    }

    /** One block in which each payer splits its genesis output into coins for the transfers. */
    private static List<UnspentOutput> split(ChainFixture chain, H2ChainStore store) {
        int perPayer = TRANSFERS_PER_BLOCK / PAYERS;
        List<Transaction> splits = new ArrayList<>();
        for (int p = 1; p <= PAYERS; p++) {
            KeyPair key = TestChain.funded(p);
            UnspentOutput genesis = TestChain.genesisOutput(chain.state, p);
            long fee = 1_000_000;
            long each = (genesis.output().amount() - fee) / perPayer;
            List<TxOutput> outs = new ArrayList<>();
            for (int i = 0; i < perPayer; i++) {
                outs.add(new TxOutput(key.address(), AssetId.CAS, each));
            }
            long rest = genesis.output().amount() - fee - each * perPayer;
            splits.add(Transfer.unsigned(TestChain.CHAIN_ID, chain.expiry(), List.of(genesis.ref()), outs, fee + rest)
                    .sign(List.of(key)));
        }
        ChainFixture.commit(store, chain.next(splits));
        // coin i belongs to payer 1 + i % PAYERS, matching the payer the transfers are signed with
        List<UnspentOutput> coins = new ArrayList<>();
        for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
            Transaction split = splits.get(i % PAYERS);
            coins.add(chain.state.unspent(new OutputRef(split.id(), i / PAYERS)).orElseThrow());
        }
        return coins;
    }
}
