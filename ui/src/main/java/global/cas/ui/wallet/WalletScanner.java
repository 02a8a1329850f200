package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.UnspentOutput;
import global.cas.node.query.BlockSummary;
import global.cas.node.query.ChainQueries;
import global.cas.node.query.NodeQueries;
import global.cas.node.query.PrunedStart;
import global.cas.node.query.PruningHold;
import global.cas.node.query.WalletQueries;
import global.cas.wallet.HistoryGap;
import global.cas.wallet.ScanCheckpoint;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.WalletHistory;
import global.cas.wallet.data.WalletData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the chain for one wallet: scans blocks in order with {@link WalletHistory}, sums the
 * balances of its addresses and looks up the transactions it sent. What it read is saved in the
 * wallet's data as a {@link ScanCheckpoint} (when first caught up, then at most every ten seconds,
 * and on close), so opening the wallet again reads only the blocks made since.
 *
 * <p><b>Pruned blocks.</b> While the wallet is open its scanner holds pruning at the first block it
 * has not read ({@link ChainQueries#holdPruning}), so an open wallet never misses a block. When the
 * next block to read is pruned all the same (the wallet was closed, or is new or restored, while
 * the node pruned), the scan skips to the node's {@link PrunedStart}: the outputs the wallet held
 * after the last pruned block, so balances and later spends stay right, and the blocks skipped are
 * kept as {@linkplain WalletHistory#gaps gaps} the history screen names.
 *
 * <p>Runs on the wallet's scan thread only; not thread-safe, but for {@link #close}.
 */
final class WalletScanner {
    private static final Logger LOG = LoggerFactory.getLogger(WalletScanner.class);

    /** Blocks read before the entries found so far are handed to the UI. */
    static final int BATCH = 500;

    /** Entries found in a run of blocks, up to {@code scannedHeight}. */
    record Batch(
            List<WalletEntry> entries,
            long scannedHeight,
            long tipHeight,
            boolean announce,
            Set<Address> used,
            List<HistoryGap> gaps) {}

    /** Balances of the wallet's addresses and the news about the transactions it watches. */
    record Totals(long balance, long spendable, Map<Hash, TxStatus> statuses, Map<Address, Long> perAddress) {}

    /** Once caught up, the history is saved at most this often (and always on close). */
    static final long SAVE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Set<Address> addresses;
    private final WalletData data;
    private WalletHistory history;
    private boolean caughtUp;
    private boolean resumeTried;
    private int savedEntries;
    private long savedHeight = -1;
    private long savedAt;
    /** The first block not read yet, which pruning must keep: read by the node's chain thread. */
    private volatile long nextNeeded;
    /** Guards {@link #hold} and {@link #closed}: {@link #close} may come from another thread. */
    private final Object holdLock = new Object();

    private PruningHold hold;
    private boolean closed;

    WalletScanner(List<Address> addresses, WalletData data) {
        this.addresses = new LinkedHashSet<>(addresses);
        this.data = data;
        this.history = new WalletHistory(this.addresses);
    }

    /**
     * Continues from the saved checkpoint when it belongs to this chain (the node has the same block
     * at its height) and to these addresses; otherwise the scan starts from genesis. The entries
     * read back go to {@code batches} as one batch that is not announced.
     */
    private void resume(ChainQueries node, Consumer<Batch> batches) {
        resumeTried = true;
        Optional<ScanCheckpoint> saved;
        try {
            saved = data.scanCheckpoint();
        } catch (RuntimeException e) {
            LOG.warn("the saved wallet history cannot be read; scanning the chain from genesis", e);
            return;
        }
        if (saved.isEmpty()) {
            return;
        }
        ScanCheckpoint cp = saved.get();
        // from the header: the block the checkpoint names may have been pruned since
        boolean sameChain =
                node.blockHash(cp.height()).map(cp.blockHash()::equals).orElse(false);
        if (!sameChain || !cp.addresses().equals(addresses)) {
            LOG.info(
                    "the saved wallet history (height {}) is for another chain or other addresses; scanning from genesis",
                    cp.height());
            return;
        }
        history = WalletHistory.resume(addresses, cp);
        nextNeeded = history.scannedHeight() + 1;
        savedEntries = cp.entries().size();
        savedHeight = cp.height();
        savedAt = System.nanoTime();
        batches.accept(new Batch(cp.entries(), cp.height(), node.tipSummary().height(), false, cp.used(), cp.gaps()));
    }

    /**
     * When the next block to read is pruned, continues the history after the last pruned block from
     * the outputs the node says this wallet held there, and tells {@code batches}. Genesis is never
     * pruned, so a new wallet still reads it first.
     *
     * @return whether the scan moved on
     */
    private boolean skipPruned(NodeQueries node, long tip, boolean notify, Consumer<Batch> batches) {
        long next = history.scannedHeight() + 1;
        if (next == 0 || next >= node.prunedBelow()) {
            return false;
        }
        Optional<PrunedStart> start = node.prunedStart(Set.copyOf(addresses));
        if (start.isEmpty() || start.get().height() < next) {
            return false;
        }
        PrunedStart p = start.get();
        history.skipPruned(p.height(), p.blockHash(), p.held());
        nextNeeded = history.scannedHeight() + 1;
        LOG.info(
                "blocks {} to {} are pruned on this node: the wallet's history goes on from block {} without their"
                        + " transactions; its balances are complete",
                next,
                p.height(),
                p.height() + 1);
        batches.accept(new Batch(List.of(), history.scannedHeight(), tip, notify, history.usedAddresses(), gaps()));
        return true;
    }

    /** Saves the history when it moved and the last save is older than {@link #SAVE_INTERVAL_NANOS}. */
    private void saveIfDue() {
        if (history.scannedHeight() > savedHeight
                && (savedHeight < 0 || System.nanoTime() - savedAt >= SAVE_INTERVAL_NANOS)) {
            save();
        }
    }

    /** Saves where the scan stopped, so the next opening reads only newer blocks. Never throws. */
    void save() {
        if (history.scannedHeight() <= savedHeight) {
            return;
        }
        Optional<ScanCheckpoint> cp = history.checkpoint();
        if (cp.isEmpty()) {
            return;
        }
        try {
            data.saveScanCheckpoint(cp.get(), savedEntries);
            savedEntries = cp.get().entries().size();
            savedHeight = cp.get().height();
            savedAt = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.warn("cannot save the wallet history; the next opening scans more blocks", e);
        }
    }

    /** The runs of blocks the history could not read because the node had pruned them. */
    List<HistoryGap> gaps() {
        return history.gaps();
    }

    /** Adds a new address; its history starts now, so the saved checkpoint names it too. */
    void addAddress(Address a) {
        addresses.add(a);
        history.addAddress(a);
    }

    /**
     * Scans every block up to the node's tip, handing each batch to {@code batches}; entries found
     * once the first catch-up is done are marked for notification.
     */
    void catchUp(NodeQueries node, Consumer<Batch> batches) {
        synchronized (holdLock) {
            if (closed) {
                return;
            }
            if (hold == null) {
                // before the checkpoint is read: until then the wallet needs every block (nextNeeded 0)
                hold = node.holdPruning(() -> nextNeeded);
            }
        }
        if (!resumeTried) {
            resume(node, batches);
        }
        boolean notify = caughtUp;
        long tip = node.tipSummary().height();
        while (history.scannedHeight() < tip) {
            List<WalletEntry> found = new ArrayList<>();
            long end = Math.min(tip, history.scannedHeight() + BATCH);
            boolean missing = false;
            for (long h = history.scannedHeight() + 1; h <= end; h++) {
                Optional<BlockSummary> block = node.blockSummary(h);
                if (block.isEmpty()) {
                    missing = true;
                    break;
                }
                BlockSummary b = block.get();
                found.addAll(history.scan(b.height(), b.hash(), b.time(), b.transactions(), b.rewards()));
                nextNeeded = history.scannedHeight() + 1;
            }
            batches.accept(new Batch(found, history.scannedHeight(), tip, notify, history.usedAddresses(), gaps()));
            if (missing && skipPruned(node, tip, notify, batches)) {
                missing = false;
            }
            saveIfDue();
            if (missing) {
                return;
            }
        }
        caughtUp = true;
    }

    /**
     * Releases the hold on pruning: the blocks this wallet has not read may go from now on.
     * Idempotent; may be called from any thread, and makes later {@link #catchUp} calls do nothing.
     */
    void close() {
        synchronized (holdLock) {
            closed = true;
            if (hold != null) {
                hold.close();
            }
        }
    }

    boolean caughtUp() {
        return caughtUp;
    }

    long scannedHeight() {
        return history.scannedHeight();
    }

    /** Balances now, and the status of each watched transaction. */
    Totals totals(WalletQueries node, Set<Hash> watched) {
        long balance = 0;
        long spendable = 0;
        Map<Address, Long> perAddress = new LinkedHashMap<>();
        for (Address a : addresses) {
            long held = node.balance(a, AssetId.CAS);
            perAddress.put(a, held);
            balance += held;
            for (UnspentOutput u : node.spendableOutputs(a)) {
                if (u.output().asset().isCas()) {
                    spendable += u.output().amount();
                }
            }
        }
        Map<Hash, TxStatus> statuses = new LinkedHashMap<>();
        for (Hash id : watched) {
            TxStatus st = status(node, id);
            if (st instanceof TxStatus.Dropped) {
                // its block may have been pruned since this history read it
                Optional<WalletEntry> read = history.entries().stream()
                        .filter(e -> e.id().equals(id))
                        .findFirst();
                if (read.isPresent()) {
                    st = new TxStatus.Committed(read.get().height());
                }
            }
            // a block committed after this scan read the tip: its row is not in the history yet, so
            // the transaction is shown confirmed with the next scan, together with its row
            if (st instanceof TxStatus.Committed c && c.height() > history.scannedHeight()) {
                st = new TxStatus.Pending();
            }
            statuses.put(id, st);
        }
        return new Totals(balance, spendable, statuses, perAddress);
    }

    static TxStatus status(WalletQueries node, Hash id) {
        return node.lookupTransaction(id)
                .<TxStatus>map(k -> k.height().isPresent()
                        ? new TxStatus.Committed(k.height().getAsLong())
                        : new TxStatus.Pending())
                .orElseGet(TxStatus.Dropped::new);
    }
}
