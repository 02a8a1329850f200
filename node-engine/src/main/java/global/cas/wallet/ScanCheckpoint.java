package global.cas.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link WalletHistory} stopped, saved so that opening the wallet again reads only the
 * blocks made since: the height and hash of the last block read (the hash ties the checkpoint to
 * one chain, so a reset devnet or another network is noticed), the addresses it watched, those of
 * them that ever received something, the outputs they still held, every entry found, and the
 * {@code gaps}: the runs of blocks it skipped because the node had pruned them (oldest first, none
 * overlapping, all at or below {@code height}).
 */
public record ScanCheckpoint(
        long height,
        Hash blockHash,
        Set<Address> addresses,
        Set<Address> used,
        Map<OutputRef, TxOutput> owned,
        List<WalletEntry> entries,
        List<HistoryGap> gaps) {
    public ScanCheckpoint {
        if (height < 0) {
            throw new IllegalArgumentException("a checkpoint follows at least the genesis block");
        }
        addresses = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(addresses));
        used = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(used));
        owned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(owned));
        entries = List.copyOf(entries);
        gaps = List.copyOf(gaps);
        long after = -1;
        for (HistoryGap g : gaps) {
            if (g.from() <= after || g.to() > height) {
                throw new IllegalArgumentException(
                        "the gaps of a checkpoint at " + height + " are out of order or beyond it: " + gaps);
            }
            after = g.to();
        }
    }

    /** A checkpoint of a history that read every block up to {@code height}. */
    public ScanCheckpoint(
            long height,
            Hash blockHash,
            Set<Address> addresses,
            Set<Address> used,
            Map<OutputRef, TxOutput> owned,
            List<WalletEntry> entries) {
        this(height, blockHash, addresses, used, owned, entries, List.of());
    }
}
