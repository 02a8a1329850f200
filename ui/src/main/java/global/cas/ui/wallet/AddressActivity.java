package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.node.query.TransactionLookup;
import global.cas.node.query.WalletQueries;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.keys.AccountInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * What each address of a wallet holds and received, for Receive and the history: its CAS balance,
 * whether it was ever used, and which of the wallet's addresses each payment arrived on, so an
 * address's label is carried to its payments. Filled by {@link WalletModel} as it reads the chain;
 * read on the FX thread.
 */
public final class AddressActivity {
    private final Executor fx;
    private final Supplier<WalletBook> book;
    private final ObservableMap<Hash, List<Address>> receivedOn = FXCollections.observableHashMap();
    private final ObservableMap<Address, Long> balances = FXCollections.observableHashMap();
    private final ObservableSet<Address> used = FXCollections.observableSet();

    AddressActivity(Executor fx, Supplier<WalletBook> book) {
        this.fx = fx;
        this.book = book;
    }

    void balances(Map<Address, Long> perAddress) {
        balances.putAll(perAddress);
    }

    void used(Set<Address> addresses) {
        used.addAll(addresses);
    }

    /**
     * Looks up, on {@code scanThread}, which of the {@code own} addresses each received payment in
     * {@code entries} arrived on.
     */
    void findReceivingAddresses(List<WalletEntry> entries, WalletQueries node, Set<Address> own, Executor scanThread) {
        List<Hash> received = entries.stream()
                .filter(e -> e.kind() == WalletEntry.Kind.RECEIVED)
                .map(WalletEntry::id)
                .toList();
        if (received.isEmpty()) {
            return;
        }
        try {
            scanThread.execute(() -> {
                Map<Hash, List<Address>> found = new HashMap<>();
                for (Hash id : received) {
                    node.lookupTransaction(id)
                            .filter(TransactionLookup::isCommitted)
                            .ifPresent(known -> found.put(id, ownOutputs(known.transaction(), own)));
                }
                fx.execute(() -> receivedOn.putAll(found));
            });
        } catch (RejectedExecutionException e) {
            // closing: the labels are found again next time the wallet opens
        }
    }

    private static List<Address> ownOutputs(Transaction t, Set<Address> own) {
        // every kind's outputs are in its envelope
        return t.outputs().stream()
                .map(TxOutput::owner)
                .filter(own::contains)
                .distinct()
                .toList();
    }

    /** The CAS each address holds, as of the last read of the chain. */
    public ObservableMap<Address, Long> balances() {
        return FXCollections.unmodifiableObservableMap(balances);
    }

    /** The addresses that ever received a payment (so should not be given out again). */
    public ObservableSet<Address> usedAddresses() {
        return FXCollections.unmodifiableObservableSet(used);
    }

    /** The CAS the addresses of {@code account} hold. */
    public long accountBalance(AccountInfo account) {
        long sum = 0;
        for (Address a : account.addresses()) {
            sum = Math.addExact(sum, balances.getOrDefault(a, 0L));
        }
        return sum;
    }

    /** What to show as the label of {@code entry}: its own label, else the label of the address it arrived on. */
    public String label(WalletEntry entry) {
        WalletBook b = book.get();
        String own = b.transactionLabels().get(entry.id());
        if (own != null && !own.isEmpty()) {
            return own;
        }
        return receivedOn.getOrDefault(entry.id(), List.of()).stream()
                .map(a -> b.addressLabels().get(a))
                .filter(l -> l != null && !l.isEmpty())
                .findFirst()
                .orElse("");
    }

    /** Changes when a payment's receiving address is found (so a {@link #label} may change). */
    public Observable receivingAddressesFound() {
        return receivedOn;
    }
}
