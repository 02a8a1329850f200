package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.node.Node;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import global.cas.testing.TestKeys;
import global.cas.wallet.HistoryGap;
import global.cas.wallet.ScanCheckpoint;
import global.cas.wallet.TransferBuilder;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.WalletData;
import global.cas.wallet.data.h2.WalletDataFiles;
import global.cas.wallet.data.h2.WalletDataH2Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet's scan over a real node that prunes all but the last {@value #KEEP} blocks' bodies: an
 * open wallet holds pruning back and lists every entry; one opened after pruning skips the pruned
 * blocks from the node's {@code PrunedStart}, with the right balance and outputs and the gap
 * recorded; and the gap is saved with the checkpoint and found again on reopening.
 */
class WalletScannerTest {
    private static final long KEEP = 5;

    @TempDir
    Path dir;

    private static final KeyPair ALICE = TestKeys.key(101);
    private static final KeyPair BOB = TestKeys.key(102);
    private static final List<Address> WALLET = List.of(ALICE.address(), BOB.address());
    private static final TransferBuilder BUILDER = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);

    /** The wallet's transactions in blocks 1 to 3: Alice and Bob are paid, then Alice pays back. */
    private record Early(Transaction toAlice, Transaction toBob, Transaction fromAlice) {
        long aliceBalance() {
            return Amounts.cas(10) - Amounts.cas(3) - fromAlice.fee();
        }
    }

    private static Node pruningNode(Path dir) {
        return TestDataFolder.startIdle(dir, KEEP);
    }

    /** Commits one block holding {@code txs} (and nothing else). */
    private static void block(Node node, Transaction... txs) throws Exception {
        for (Transaction t : txs) {
            node.submit(t).join();
        }
        node.chain().produce(TestChain.validator(), node.tip().time() + 1000).get(30, TimeUnit.SECONDS);
    }

    private static Transaction pay(KeyPair from, List<UnspentOutput> inputs, Address to, long amount, Node node) {
        return BUILDER.pay(
                inputs,
                Map.of(from.address(), from),
                List.of(new TxOutput(to, AssetId.CAS, amount)),
                from.address(),
                node.tip().height() + 50);
    }

    private static Transaction fund(Address to, long amount, Node node) {
        KeyPair payer = TestChain.funded(10);
        return pay(payer, node.spendableOutputs(payer.address()), to, amount, node);
    }

    /** Blocks 1, 2 and 3 with the wallet's early transactions. */
    private static Early early(Node node) throws Exception {
        Transaction toAlice = fund(ALICE.address(), Amounts.cas(10), node);
        block(node, toAlice);
        Transaction toBob = fund(BOB.address(), Amounts.cas(5), node);
        block(node, toBob);
        Transaction fromAlice = pay(
                ALICE,
                node.spendableOutputs(ALICE.address()),
                TestChain.funded(3).address(),
                Amounts.cas(3),
                node);
        block(node, fromAlice);
        assertThat(node.tip().height()).isEqualTo(3);
        return new Early(toAlice, toBob, fromAlice);
    }

    private WalletData data() {
        return WalletDataH2Store.open(dir.resolve("wallet.walletdata"), WalletDataFiles.key(7));
    }

    private static List<WalletEntry> entries(List<WalletScanner.Batch> batches) {
        return batches.stream().flatMap(b -> b.entries().stream()).toList();
    }

    private static Set<Hash> ids(List<WalletEntry> entries) {
        return entries.stream().map(WalletEntry::id).collect(Collectors.toSet());
    }

    private static Set<OutputRef> unspent(Node node) {
        Set<OutputRef> refs = new java.util.HashSet<>();
        for (Address a : WALLET) {
            node.spendableOutputs(a).forEach(u -> refs.add(u.ref()));
        }
        return refs;
    }

    @Test
    @DisplayName("an open wallet on a pruning node lists every entry: pruning waits for the blocks it has not read,"
            + " and goes on once the wallet is closed")
    void openWalletMissesNothing() throws Exception {
        try (Node node = pruningNode(dir.resolve("node"));
                WalletData data = data()) {
            WalletScanner scanner = new WalletScanner(WALLET, data);
            List<WalletScanner.Batch> batches = new ArrayList<>();
            scanner.catchUp(node, batches::add);
            Early e = early(node);
            for (int i = 0; i < 12; i++) {
                TestDataFolder.grow(node, 10);
                scanner.catchUp(node, batches::add);
            }
            assertThat(node.prunedBelow())
                    .as("the node pruned past the wallet's early blocks")
                    .isGreaterThan(4);
            assertThat(node.blockSummary(2)).isEmpty();
            List<WalletEntry> found = entries(batches);
            assertThat(found)
                    .extracting(WalletEntry::id, WalletEntry::kind, WalletEntry::net)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    e.toAlice().id(), WalletEntry.Kind.RECEIVED, Amounts.cas(10)),
                            org.assertj.core.groups.Tuple.tuple(
                                    e.toBob().id(), WalletEntry.Kind.RECEIVED, Amounts.cas(5)),
                            org.assertj.core.groups.Tuple.tuple(
                                    e.fromAlice().id(),
                                    WalletEntry.Kind.SENT,
                                    -(Amounts.cas(3) + e.fromAlice().fee())));
            assertThat(scanner.gaps()).isEmpty();
            assertThat(batches).allSatisfy(b -> assertThat(b.gaps()).isEmpty());

            // the wallet stops reading for a while: the node prunes nothing it has not read
            long read = scanner.scannedHeight();
            TestDataFolder.grow(node, 130);
            assertThat(node.prunedBelow()).isLessThanOrEqualTo(read + 1);
            Transaction late = fund(BOB.address(), Amounts.cas(2), node);
            block(node, late);
            scanner.catchUp(node, batches::add);
            assertThat(entries(batches)).extracting(WalletEntry::id).endsWith(late.id());
            assertThat(scanner.gaps()).isEmpty();
            assertThat(scanner.totals(node, Set.of()).balance()).isEqualTo(e.aliceBalance() + Amounts.cas(7));

            // closed: the blocks after it may go now
            long closedAt = scanner.scannedHeight();
            scanner.close();
            scanner.close();
            TestDataFolder.grow(node, 110);
            assertThat(node.prunedBelow()).isGreaterThan(closedAt + 1);
            List<WalletScanner.Batch> none = new ArrayList<>();
            scanner.catchUp(node, none::add);
            assertThat(none).as("a closed scanner reads no more").isEmpty();
        }
    }

    @Test
    @DisplayName("a wallet restored after pruning has the right balance and outputs, the entries of the blocks"
            + " kept, the pruned blocks recorded as its gap, and still sees a spend of an output from a pruned block")
    void restoredAfterPruning() throws Exception {
        try (Node node = pruningNode(dir.resolve("node"));
                WalletData data = data()) {
            Early e = early(node);
            TestDataFolder.grow(node, 120);
            Transaction kept = fund(BOB.address(), Amounts.cas(7), node);
            block(node, kept);
            TestDataFolder.grow(node, 2);
            long pruned = node.prunedBelow();
            assertThat(pruned).isGreaterThan(4);

            WalletScanner scanner = new WalletScanner(WALLET, data);
            List<WalletScanner.Batch> batches = new ArrayList<>();
            scanner.catchUp(node, batches::add);
            assertThat(scanner.caughtUp()).isTrue();
            assertThat(scanner.scannedHeight()).isEqualTo(node.tip().height());
            assertThat(scanner.gaps()).containsExactly(new HistoryGap(1, pruned - 1));
            assertThat(batches.getLast().gaps()).containsExactly(new HistoryGap(1, pruned - 1));
            assertThat(batches.getLast().used()).containsExactlyInAnyOrderElementsOf(WALLET);
            List<WalletEntry> found = entries(batches);
            assertThat(found).extracting(WalletEntry::id).containsExactly(kept.id());
            assertThat(ids(found))
                    .doesNotContain(
                            e.toAlice().id(), e.toBob().id(), e.fromAlice().id());

            long balance = e.aliceBalance() + Amounts.cas(5) + Amounts.cas(7);
            WalletScanner.Totals totals = scanner.totals(node, Set.of());
            assertThat(totals.balance()).isEqualTo(balance);
            assertThat(totals.spendable()).isEqualTo(balance);
            scanner.save();
            ScanCheckpoint saved = data.scanCheckpoint().orElseThrow();
            assertThat(saved.owned().keySet()).isEqualTo(unspent(node));
            assertThat(saved.gaps()).containsExactly(new HistoryGap(1, pruned - 1));

            // Bob spends what he got in block 2, long pruned: the history knows that output
            UnspentOutput fromBlock2 = node.spendableOutputs(BOB.address()).stream()
                    .filter(u -> u.ref().txId().equals(e.toBob().id()))
                    .findFirst()
                    .orElseThrow();
            Transaction spend =
                    pay(BOB, List.of(fromBlock2), TestChain.funded(4).address(), Amounts.cas(1), node);
            block(node, spend);
            scanner.catchUp(node, batches::add);
            assertThat(entries(batches).getLast()).satisfies(s -> {
                assertThat(s.id()).isEqualTo(spend.id());
                assertThat(s.kind()).isEqualTo(WalletEntry.Kind.SENT);
                assertThat(s.net()).isEqualTo(-(Amounts.cas(1) + spend.fee()));
            });
            assertThat(entries(batches).stream().mapToLong(WalletEntry::net).sum())
                    .as("the entries kept sum to what changed since the gap")
                    .isEqualTo(Amounts.cas(7) - Amounts.cas(1) - spend.fee());
            scanner.close();
        }
    }

    @Test
    @DisplayName("reopening from the checkpoint keeps the gap; a checkpoint whose block was pruned since is still"
            + " recognised (by its header), and the blocks pruned meanwhile become a second gap")
    void reopenKeepsGaps() throws Exception {
        Path nodeDir = dir.resolve("node");
        try (Node node = pruningNode(nodeDir)) {
            early(node);
            TestDataFolder.grow(node, 120);
            Transaction kept = fund(BOB.address(), Amounts.cas(7), node);
            block(node, kept);
            long firstPruned = node.prunedBelow();
            long closedAt;
            try (WalletData data = data()) {
                WalletScanner first = new WalletScanner(WALLET, data);
                first.catchUp(node, b -> {});
                closedAt = first.scannedHeight();
                first.save();
                first.close();
            }

            // opened again at once: the same history, from the checkpoint
            try (WalletData data = data()) {
                WalletScanner again = new WalletScanner(WALLET, data);
                List<WalletScanner.Batch> batches = new ArrayList<>();
                again.catchUp(node, batches::add);
                WalletScanner.Batch resumed = batches.getFirst();
                assertThat(resumed.announce()).isFalse();
                assertThat(resumed.scannedHeight()).isEqualTo(closedAt);
                assertThat(resumed.gaps()).containsExactly(new HistoryGap(1, firstPruned - 1));
                assertThat(resumed.entries()).extracting(WalletEntry::id).containsExactly(kept.id());
                assertThat(again.gaps()).containsExactly(new HistoryGap(1, firstPruned - 1));
                again.close();
            }

            // closed while the node prunes past the checkpoint's own block
            for (int i = 0; i < 5 && node.prunedBelow() <= closedAt + 1; i++) {
                TestDataFolder.grow(node, 100);
            }
            long secondPruned = node.prunedBelow();
            assertThat(secondPruned).isGreaterThan(closedAt + 1);
            assertThat(node.blockSummary(closedAt))
                    .as("the checkpoint's block is pruned")
                    .isEmpty();
            Transaction later = fund(ALICE.address(), Amounts.cas(1), node);
            block(node, later);
            try (WalletData data = data()) {
                WalletScanner third = new WalletScanner(WALLET, data);
                List<WalletScanner.Batch> batches = new ArrayList<>();
                third.catchUp(node, batches::add);
                List<HistoryGap> both =
                        List.of(new HistoryGap(1, firstPruned - 1), new HistoryGap(closedAt + 1, secondPruned - 1));
                assertThat(third.gaps()).isEqualTo(both);
                assertThat(entries(batches))
                        .as(
                                "the entry read before is kept (a rescan from genesis would have lost it), the new one found")
                        .extracting(WalletEntry::id)
                        .containsExactly(kept.id(), later.id());
                third.save();
                third.close();
                assertThat(data.scanCheckpoint().orElseThrow().gaps()).isEqualTo(both);
            }
        }
    }
}
