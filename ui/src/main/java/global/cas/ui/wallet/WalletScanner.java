package global.cas.ui.wallet;

import global.cas.chain.Block;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.UnspentOutput;
import global.cas.node.Node;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.WalletHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the chain for one wallet: scans blocks in order with {@link WalletHistory}, sums the
 * balances of its addresses and looks up the transactions it sent. Runs on the wallet's scan
 * thread only; not thread-safe.
 */
final class WalletScanner {
    /** Blocks read before the entries found so far are handed to the UI. */
    static final int BATCH = 500;

    /** Entries found in a run of blocks, up to {@code scannedHeight}. */
    record Batch(List<WalletEntry> entries, long scannedHeight, long tipHeight, boolean announce) {}

    /** Balances of the wallet's addresses and the news about the transactions it watches. */
    record Totals(long balance, long spendable, Map<Hash, TxStatus> statuses) {}

    private final WalletHistory history;
    private final Set<Address> addresses;
    private boolean caughtUp;

    WalletScanner(List<Address> addresses) {
        this.addresses = new LinkedHashSet<>(addresses);
        this.history = new WalletHistory(this.addresses);
    }

    void addAddress(Address a) {
        addresses.add(a);
        history.addAddress(a);
    }

    /**
     * Scans every block up to the node's tip, handing each batch to {@code batches}; entries found
     * once the first catch-up is done are marked for notification.
     */
    void catchUp(Node node, Consumer<Batch> batches) {
        boolean notify = caughtUp;
        long tip = node.tip().height();
        while (history.scannedHeight() < tip) {
            List<WalletEntry> found = new ArrayList<>();
            long end = Math.min(tip, history.scannedHeight() + BATCH);
            boolean missing = false;
            for (long h = history.scannedHeight() + 1; h <= end; h++) {
                Optional<Block> block = node.block(h);
                if (block.isEmpty()) {
                    missing = true;
                    break;
                }
                List<UnspentOutput> rewards = node.blockRewards(h);
                found.addAll(history.scan(block.get(), rewards));
            }
            batches.accept(new Batch(found, history.scannedHeight(), tip, notify));
            if (missing) {
                return;
            }
        }
        caughtUp = true;
    }

    boolean caughtUp() {
        return caughtUp;
    }

    long scannedHeight() {
        return history.scannedHeight();
    }

    /** Balances now, and the status of each watched transaction. */
    Totals totals(Node node, Set<Hash> watched) {
        long balance = 0;
        long spendable = 0;
        for (Address a : addresses) {
            balance += node.balance(a, AssetId.CAS);
            for (UnspentOutput u : node.spendableOutputs(a)) {
                if (u.output().asset().isCas()) {
                    spendable += u.output().amount();
                }
            }
        }
        Map<Hash, TxStatus> statuses = new LinkedHashMap<>();
        for (Hash id : watched) {
            statuses.put(id, status(node, id));
        }
        return new Totals(balance, spendable, statuses);
    }

    static TxStatus status(Node node, Hash id) {
        var stored = node.transaction(id);
        if (stored.isPresent()) {
            return new TxStatus.Committed(stored.get().height());
        }
        if (node.pendingTransaction(id).isPresent()) {
            return new TxStatus.Pending();
        }
        // it may have left the mempool for a block between the two look-ups
        return node.transaction(id)
                .<TxStatus>map(t -> new TxStatus.Committed(t.height()))
                .orElse(new TxStatus.Dropped());
    }
}
