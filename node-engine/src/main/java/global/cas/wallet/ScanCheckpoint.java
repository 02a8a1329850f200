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
 * them that ever received something, the outputs they still held and every entry found.
 */
public record ScanCheckpoint(
        long height,
        Hash blockHash,
        Set<Address> addresses,
        Set<Address> used,
        Map<OutputRef, TxOutput> owned,
        List<WalletEntry> entries) {
    public ScanCheckpoint {
        if (height < 0) {
            throw new IllegalArgumentException("a checkpoint follows at least the genesis block");
        }
        addresses = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(addresses));
        used = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(used));
        owned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(owned));
        entries = List.copyOf(entries);
    }
}
