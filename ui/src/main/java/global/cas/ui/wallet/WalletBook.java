package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.data.Contact;
import global.cas.wallet.data.Labels;
import global.cas.wallet.data.WalletData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the person wrote beside a wallet's keys, as the screens see it: labels of transactions and
 * addresses, and the address book. Reads its {@link WalletData} once in the background; a change
 * shows at once and is saved in the background. FX thread.
 */
public final class WalletBook {
    private static final Logger LOG = LoggerFactory.getLogger(WalletBook.class);

    private final WalletData data;
    private final Executor background;
    private final FxExecutor fx = new FxExecutor();
    private final ObservableMap<Hash, String> transactionLabels = FXCollections.observableHashMap();
    private final ObservableMap<Address, String> addressLabels = FXCollections.observableHashMap();
    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final ObservableMap<Hash, String> transactionLabelsView =
            FXCollections.unmodifiableObservableMap(transactionLabels);
    private final ObservableMap<Address, String> addressLabelsView =
            FXCollections.unmodifiableObservableMap(addressLabels);
    private final ObservableList<Contact> contactsView = FXCollections.unmodifiableObservableList(contacts);

    /** Starts reading {@code data} on {@code background}, which also does every later write. */
    WalletBook(WalletData data, Executor background) {
        this.data = data;
        this.background = background;
        background.execute(this::load);
    }

    private static final Comparator<Contact> BY_NAME =
            Comparator.comparing(Contact::name).thenComparing(Contact::address);

    private void load() {
        try {
            Map<Hash, String> tx = data.transactionLabels();
            Map<Address, String> addr = data.addressLabels();
            List<Contact> book = data.contacts();
            // merged, not replaced: what the person saved while this read ran is newer and stays
            fx.execute(() -> {
                tx.forEach(transactionLabels::putIfAbsent);
                addr.forEach(addressLabels::putIfAbsent);
                for (Contact c : book) {
                    if (contacts.stream().noneMatch(k -> k.address().equals(c.address()))) {
                        contacts.add(c);
                    }
                }
                FXCollections.sort(contacts, BY_NAME);
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot read the wallet data {}", data, e);
        }
    }

    /**
     * Labels a transaction; a blank label removes it.
     *
     * @throws IllegalArgumentException for a label that breaks {@link Labels#check}
     */
    public CompletableFuture<Void> labelTransaction(Hash id, String label) {
        String clean = label.isBlank() ? "" : Labels.check(label);
        if (clean.isEmpty()) {
            transactionLabels.remove(id);
        } else {
            transactionLabels.put(id, clean);
        }
        return save(() -> data.setTransactionLabel(id, clean));
    }

    /**
     * Labels an address; a blank label removes it.
     *
     * @throws IllegalArgumentException for a label that breaks {@link Labels#check}
     */
    public CompletableFuture<Void> labelAddress(Address address, String label) {
        String clean = label.isBlank() ? "" : Labels.check(label);
        if (clean.isEmpty()) {
            addressLabels.remove(address);
        } else {
            addressLabels.put(address, clean);
        }
        return save(() -> data.setAddressLabel(address, clean));
    }

    /** Adds a contact, or renames the one with the same address. */
    public CompletableFuture<Void> saveContact(Contact contact) {
        contacts.removeIf(c -> c.address().equals(contact.address()));
        contacts.add(contact);
        FXCollections.sort(contacts, BY_NAME);
        return save(() -> data.saveContact(contact));
    }

    public CompletableFuture<Void> removeContact(Address address) {
        contacts.removeIf(c -> c.address().equals(address));
        return save(() -> data.removeContact(address));
    }

    private CompletableFuture<Void> save(Runnable write) {
        return CompletableFuture.runAsync(write, background).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("cannot save to the wallet data {}", data, e);
            }
        });
    }

    public ObservableMap<Hash, String> transactionLabels() {
        return transactionLabelsView;
    }

    public ObservableMap<Address, String> addressLabels() {
        return addressLabelsView;
    }

    /** The address book, by name. */
    public ObservableList<Contact> contacts() {
        return contactsView;
    }
}
