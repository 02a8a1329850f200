package global.cas.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.util.List;

/**
 * One line of a wallet's history: a transaction (or a block reward) and what it did to this
 * wallet. {@code net} is what the wallet's CAS changed by (negative when sending, fee included);
 * {@code counterparties} are the other addresses paid or paying.
 */
public record WalletEntry(
        Hash id, long height, long time, Kind kind, long net, long fee, List<Address> counterparties) {
    /** What the entry was for this wallet. */
    public enum Kind {
        RECEIVED,
        SENT,
        SELF,
        MINED,
        PACKED
    }

    public WalletEntry {
        counterparties = List.copyOf(counterparties);
    }
}
