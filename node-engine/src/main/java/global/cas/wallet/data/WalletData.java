package global.cas.wallet.data;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.wallet.ScanCheckpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A wallet's own data beside its keys: labels of transactions and addresses, and the address
 * book. Each wallet has its own store, next to its keystore file ({@link #fileFor}). Every change
 * is durable when the method returns. Implementations are thread-safe; their methods block on the
 * disk, so the UI calls them off the FX thread.
 */
public interface WalletData extends AutoCloseable {
    /** The suffix of a keystore file, replaced by {@link #SUFFIX} for its data. */
    String KEYSTORE_SUFFIX = ".wallet";

    /** The suffix of a wallet data file's base name (the database adds its own, e.g. {@code .mv.db}). */
    String SUFFIX = ".walletdata";

    /**
     * The base name of the data of the wallet in {@code keystoreFile}, in the same folder: {@code
     * default.wallet} gives {@code default.walletdata}, any other name gets {@link #SUFFIX} added.
     */
    static Path fileFor(Path keystoreFile) {
        Path file = keystoreFile.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        String base = name.endsWith(KEYSTORE_SUFFIX) && name.length() > KEYSTORE_SUFFIX.length()
                ? name.substring(0, name.length() - KEYSTORE_SUFFIX.length())
                : name;
        return file.resolveSibling(base + SUFFIX);
    }

    /** Every transaction label, by transaction id. */
    Map<Hash, String> transactionLabels();

    /**
     * Labels a transaction; a blank label removes it.
     *
     * @throws IllegalArgumentException for a label that breaks {@link Labels#check}
     */
    void setTransactionLabel(Hash id, String label);

    /** Every address label, by address. */
    Map<Address, String> addressLabels();

    /**
     * Labels an address (of this wallet or another); a blank label removes it.
     *
     * @throws IllegalArgumentException for a label that breaks {@link Labels#check}
     */
    void setAddressLabel(Address address, String label);

    /** The address book, ordered by name. */
    List<Contact> contacts();

    /** Adds a contact, or renames the one with the same address. */
    void saveContact(Contact contact);

    /** Removes the contact with this address, if there is one. */
    void removeContact(Address address);

    /** Where the wallet's history scan last stopped, if it was ever saved. */
    Optional<ScanCheckpoint> scanCheckpoint();

    /**
     * Saves where the history scan stopped, replacing the checkpoint saved before. The first {@code
     * unchangedEntries} entries are known to be saved already by an earlier call (the scan only
     * appends), so only the others are written.
     *
     * @throws IllegalArgumentException when {@code unchangedEntries} is negative or above the
     *     checkpoint's entry count
     */
    void saveScanCheckpoint(ScanCheckpoint checkpoint, int unchangedEntries);

    /** Closes the store; later calls throw {@link IllegalStateException}. */
    @Override
    void close();
}
