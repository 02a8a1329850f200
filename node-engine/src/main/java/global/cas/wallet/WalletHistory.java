package global.cas.wallet;

import global.cas.chain.Block;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wallet's history built by reading blocks in order, the way a light wallet scans: it remembers
 * the outputs its addresses received, so it can tell when a later transaction spends them. Block
 * rewards come in as the outputs the block created beside its transactions. On a node that pruned
 * old blocks it {@linkplain #skipPruned skips} them, taking the outputs its addresses held after
 * them from the node, and remembers which blocks it never read ({@link #gaps}). Not thread-safe.
 */
public final class WalletHistory {
    private final Set<Address> mine;
    private final Map<OutputRef, TxOutput> owned = new HashMap<>();
    private final Set<Address> used = new LinkedHashSet<>();
    private final List<WalletEntry> entries = new ArrayList<>();
    private final List<HistoryGap> gaps = new ArrayList<>();
    private long scannedHeight = -1;
    private Hash lastHash = Hash.ZERO;

    public WalletHistory(Set<Address> addresses) {
        this.mine = new LinkedHashSet<>(addresses);
    }

    /**
     * Continues from a checkpoint for {@code addresses}. A checkpoint made while the wallet watched
     * other addresses cannot be trusted (an address added later may have received before), so it
     * is ignored then and the history starts again from genesis.
     */
    public static WalletHistory resume(Set<Address> addresses, ScanCheckpoint checkpoint) {
        WalletHistory h = new WalletHistory(addresses);
        if (checkpoint.addresses().equals(h.mine)) {
            h.owned.putAll(checkpoint.owned());
            h.used.addAll(checkpoint.used());
            h.entries.addAll(checkpoint.entries());
            h.gaps.addAll(checkpoint.gaps());
            h.scannedHeight = checkpoint.height();
            h.lastHash = checkpoint.blockHash();
        }
        return h;
    }

    /** The state to save so that {@link #resume} continues after the last block read; empty before genesis. */
    public java.util.Optional<ScanCheckpoint> checkpoint() {
        if (scannedHeight < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ScanCheckpoint(scannedHeight, lastHash, mine, used, owned, entries, gaps));
    }

    /**
     * Continues after blocks it cannot read, because the node pruned them: from the next block up
     * to {@code lastPruned} (whose hash is {@code hash}) nothing is read and the run is added to
     * {@link #gaps}. {@code held} are the outputs of this history's addresses that were unspent
     * after block {@code lastPruned}, spent later or not (the node's {@code PrunedStart}): they
     * replace the outputs remembered so far, so a later block that spends one of them is still
     * seen as a spend. Entries found so far are kept; outputs of other owners are ignored.
     *
     * @throws IllegalArgumentException when {@code lastPruned} is not above the last block read
     */
    public void skipPruned(long lastPruned, Hash hash, java.util.Collection<UnspentOutput> held) {
        if (lastPruned <= scannedHeight) {
            throw new IllegalArgumentException(
                    "cannot skip to block " + lastPruned + ": block " + scannedHeight + " was read already");
        }
        long from = scannedHeight + 1;
        if (!gaps.isEmpty() && gaps.getLast().to() + 1 == from) {
            from = gaps.removeLast().from();
        }
        gaps.add(new HistoryGap(from, lastPruned));
        owned.clear();
        for (UnspentOutput u : held) {
            if (mine.contains(u.output().owner())) {
                owned.put(u.ref(), u.output());
                used.add(u.output().owner());
            }
        }
        scannedHeight = lastPruned;
        lastHash = hash;
    }

    /** The runs of blocks skipped because the node had pruned them, oldest first; none when every block was read. */
    public List<HistoryGap> gaps() {
        return List.copyOf(gaps);
    }

    /** Adds an address (a new receiving address); blocks already scanned are not re-read. */
    public void addAddress(Address a) {
        mine.add(a);
    }

    public long scannedHeight() {
        return scannedHeight;
    }

    /**
     * Reads the next block. {@code rewards} are the reward outputs the block created (packer output
     * 0, miner output 1), or the genesis outputs for block 0.
     */
    public List<WalletEntry> scan(Block block, List<UnspentOutput> rewards) {
        return scan(block.height(), block.hash(), block.header().time(), block.transactions(), rewards);
    }

    /**
     * Reads the next block given by its parts: {@code height}, {@code hash}, {@code time}, its
     * {@code transactions} in block order and its {@code rewards} as in {@link #scan(Block, List)}.
     * Readers that see the chain through the node's query records (the desktop UI) call this one.
     */
    public List<WalletEntry> scan(
            long height, Hash hash, long time, List<Transaction> transactions, List<UnspentOutput> rewards) {
        if (height != scannedHeight + 1) {
            throw new IllegalArgumentException(
                    "blocks must be scanned in order: expected " + (scannedHeight + 1) + ", got " + height);
        }
        List<WalletEntry> found = new ArrayList<>();
        for (Transaction tx : transactions) {
            // every kind moves value through its envelope, so the wallet reads envelopes only
            transfer(tx, height, time).ifPresent(found::add);
        }
        for (UnspentOutput u : rewards) {
            TxOutput o = u.output();
            if (mine.contains(o.owner()) && o.asset().isCas()) {
                owned.put(u.ref(), o);
                used.add(o.owner());
                // a block's reward output 1 is its miner's (S4), output 0 its packer's
                boolean mined = height > 0 && u.ref().index() == 1;
                WalletEntry.Kind kind = height == 0
                        ? WalletEntry.Kind.RECEIVED
                        : mined ? WalletEntry.Kind.MINED : WalletEntry.Kind.PACKED;
                found.add(new WalletEntry(u.ref().txId(), height, time, kind, o.amount(), 0, List.of()));
            }
        }
        entries.addAll(found);
        scannedHeight = height;
        lastHash = hash;
        return found;
    }

    private java.util.Optional<WalletEntry> transfer(Transaction t, long height, long time) {
        long spent = 0;
        for (OutputRef in : t.inputs()) {
            TxOutput o = owned.remove(in);
            if (o != null && o.asset().isCas()) {
                spent += o.amount();
            }
        }
        long received = 0;
        Set<Address> others = new LinkedHashSet<>();
        for (int i = 0; i < t.outputs().size(); i++) {
            TxOutput o = t.outputs().get(i);
            if (mine.contains(o.owner())) {
                owned.put(new OutputRef(t.id(), i), o);
                used.add(o.owner());
                if (o.asset().equals(AssetId.CAS)) {
                    received += o.amount();
                }
            } else {
                others.add(o.owner());
            }
        }
        if (spent == 0 && received == 0) {
            return java.util.Optional.empty();
        }
        WalletEntry.Kind kind = spent == 0
                ? WalletEntry.Kind.RECEIVED
                : others.isEmpty() ? WalletEntry.Kind.SELF : WalletEntry.Kind.SENT;
        long fee = spent > 0 ? t.fee() : 0;
        return java.util.Optional.of(
                new WalletEntry(t.id(), height, time, kind, received - spent, fee, List.copyOf(others)));
    }

    /** The wallet's addresses that ever received an output, in the order first seen. */
    public Set<Address> usedAddresses() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(used));
    }

    /** Every entry so far, oldest first. */
    public List<WalletEntry> entries() {
        return List.copyOf(entries);
    }
}
