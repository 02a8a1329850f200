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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how many transfers per second the store commits (DESIGN.md asks 5,000+ end to end) and
 * prints it; asserts only correctness, never time. Excluded with {@code -DexcludedGroups=benchmark}.
 */
@Tag("benchmark")
class CommitThroughputTest {
    private static final int BLOCKS = 20;
    private static final int TRANSFERS_PER_BLOCK = 5_000;
    private static final int PAYERS = 10;

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "Commits 20 blocks of 5,000 transfers to a file store and prints transfers per second (measured, not asserted)")
    void commitRate() throws IOException {
        ChainFixture chain = new ChainFixture();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ChainFixture.commit(store, chain.genesis());
            List<UnspentOutput> coins = split(chain, store);
            List<Address> payees = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                payees.add(TestKeys.key(100 + i).address());
            }

            long signNanos = 0;
            long buildNanos = 0;
            long commitNanos = 0;
            long slowestCommit = 0;
            for (int b = 0; b < BLOCKS; b++) {
                long t0 = System.nanoTime();
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
                long t1 = System.nanoTime();
                ExecutedBlock block = chain.next(transfers);
                long t2 = System.nanoTime();
                ChainFixture.commit(store, block);
                long t3 = System.nanoTime();
                signNanos += t1 - t0;
                buildNanos += t2 - t1;
                commitNanos += t3 - t2;
                slowestCommit = Math.max(slowestCommit, t3 - t2);
                assertThat(block.block().transactions()).hasSize(TRANSFERS_PER_BLOCK);
                List<UnspentOutput> change = new ArrayList<>(TRANSFERS_PER_BLOCK);
                for (Transaction t : transfers) {
                    change.add(chain.unspent(t.id(), 1));
                }
                coins = change;
            }
            int transfers = BLOCKS * TRANSFERS_PER_BLOCK;
            System.out.printf(
                    "H2ChainStore commit: %d blocks x %d transfers: %.0f transfers/s committed (%.1f ms per block, slowest %.1f ms);"
                            + " executor %.0f transfers/s; signing in the test %.0f transfers/s; end to end without signing %.0f transfers/s;"
                            + " database file %.1f MiB%n",
                    BLOCKS,
                    TRANSFERS_PER_BLOCK,
                    transfers / (commitNanos / 1e9),
                    commitNanos / 1e6 / BLOCKS,
                    slowestCommit / 1e6,
                    transfers / (buildNanos / 1e9),
                    transfers / (signNanos / 1e9),
                    transfers / ((buildNanos + commitNanos) / 1e9),
                    size(dir) / 1024.0 / 1024.0);
            assertThat(store.tip()).contains(chain.tip());
        }
    }

    /** One block in which each payer splits its genesis output into coins for the benchmark. */
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
        // coin i belongs to payer 1 + i % PAYERS, matching the payer the benchmark signs with
        List<UnspentOutput> coins = new ArrayList<>();
        for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
            Transaction split = splits.get(i % PAYERS);
            coins.add(chain.state.unspent(new OutputRef(split.id(), i / PAYERS)).orElseThrow());
        }
        return coins;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
