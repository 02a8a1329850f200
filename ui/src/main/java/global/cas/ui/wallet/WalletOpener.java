package global.cas.ui.wallet;

import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.ui.node.NodeModel;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.data.DataKey;
import global.cas.wallet.data.PrivateFiles;
import global.cas.wallet.data.WalletData;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.UnlockedWallet;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * Opens and creates wallets off the FX thread: reads (or writes) the keystore file, unlocks it with
 * the wallet password (the wallet's data file is encrypted with the data key kept inside it, so a
 * wallet opens only with its password, as in Electrum and Sparrow), tops up its address pools,
 * opens the wallet's data beside it, then makes the {@link WalletModel} on the FX thread. The keys
 * are not kept: the model asks for the password again to send. Thread-safe.
 */
public final class WalletOpener {
    private final Keystore keystore;
    private final BiFunction<Path, DataKey, WalletData> dataStore;
    private final NodeModel node;
    private final PaymentNotifier notifier;
    private final FxExecutor fx = new FxExecutor();
    private final Executor background = r -> {
        Thread t = new Thread(r, "cas-ui-wallet-open");
        t.setDaemon(true);
        t.start();
    };

    /**
     * @param keystore reads and writes keystore files (its Argon2 parameters apply to new files)
     * @param dataStore opens the wallet data of a keystore file with its data key, e.g. {@code
     *     WalletDataH2Store::forKeystore}
     * @param node the node the wallets read
     * @param notifier told of payments received and rewards mined
     */
    public WalletOpener(
            Keystore keystore,
            BiFunction<Path, DataKey, WalletData> dataStore,
            NodeModel node,
            PaymentNotifier notifier) {
        this.keystore = keystore;
        this.dataStore = dataStore;
        this.node = node;
        this.notifier = notifier;
    }

    /**
     * Opens the wallet in {@code keystoreFile} with its password (wiped): unlocks it, derives
     * addresses ahead where its pools ran low, and opens its data file (converting a plaintext one
     * of an older version).
     *
     * @return fails with {@code WRONG_PASSWORD} (nothing was changed: ask again), {@code MALFORMED}
     *     for a damaged keystore, {@code WALLET_DATA_DAMAGED} for a data file that cannot be read
     *     with its key, {@code IO_ERROR} or {@code NOT_FOUND}
     */
    public CompletableFuture<WalletModel> open(Path keystoreFile, char[] password) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                KeystoreFile file = keystore.open(keystoreFile);
                                try (UnlockedWallet unlocked = file.unlock(password)) {
                                    unlocked.topUpPool();
                                    return opened(unlocked);
                                }
                            } catch (java.nio.file.NoSuchFileException e) {
                                throw new RejectedException(
                                        Reason.NOT_FOUND, "There is no wallet file " + keystoreFile + ".");
                            } catch (IOException e) {
                                throw new RejectedException(
                                        Reason.IO_ERROR,
                                        "cannot read the wallet file " + keystoreFile + ": " + e.getMessage());
                            } finally {
                                Arrays.fill(password, '\0');
                            }
                        },
                        background)
                .thenApplyAsync(o -> new WalletModel(node, keystore, o.file(), o.data(), notifier), fx);
    }

    private record Opened(KeystoreFile file, WalletData data) {}

    /**
     * A wallet of new words can have received nothing before it was made, so its history starts at
     * the node's tip: no older block is read and, on a node that prunes, no pruned blocks are
     * reported missing from it (a restored wallet reads from genesis). When the node is not ready
     * yet, or is on another network, the wallet scans from genesis as before. Background thread.
     */
    private void startAtTip(Opened o, Network network) {
        if (!node.access().isReady()) {
            return;
        }
        global.cas.node.query.TipSummary tip = node.access().ready().join().tipSummary();
        if (tip.network() != network) {
            return;
        }
        try {
            o.data()
                    .saveScanCheckpoint(
                            new global.cas.wallet.ScanCheckpoint(
                                    tip.height(),
                                    tip.hash(),
                                    java.util.Set.copyOf(o.file().info().watchedAddresses()),
                                    java.util.Set.of(),
                                    java.util.Map.of(),
                                    java.util.List.of(),
                                    java.util.List.of()),
                            0);
        } catch (RuntimeException e) {
            // nothing lost: the wallet then reads the chain from genesis
            org.slf4j.LoggerFactory.getLogger(WalletOpener.class)
                    .warn("cannot record where the new wallet's history starts; it reads the chain from genesis", e);
        }
    }

    /** The file as now written and its data, opened with the data key. Background thread. */
    private Opened opened(UnlockedWallet unlocked) throws IOException {
        KeystoreFile file = keystore.open(unlocked.path());
        try (DataKey key = unlocked.dataKey()) {
            return new Opened(file, dataStore.apply(unlocked.path(), key));
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // refused as hostile, or in use by another program: the store's message says which
            throw new RejectedException(Reason.IO_ERROR, e.getMessage());
        }
    }

    /**
     * Writes a new keystore file for {@code mnemonic} and opens it; a {@code restored} wallet gets
     * the first {@value Keystore#RESTORE_ADDRESSES} addresses so its history finds earlier payments
     * ({@link Keystore#restore}). The password array is wiped.
     *
     * @return fails with {@code ALREADY_EXISTS} when the file exists (a wallet is never overwritten),
     *     {@code EMPTY_PASSWORD} for an empty password, {@code IO_ERROR} when it cannot be written
     */
    public CompletableFuture<WalletModel> create(
            Path keystoreFile,
            Mnemonic mnemonic,
            String passphrase,
            char[] password,
            Network network,
            boolean restored) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                if (password.length == 0) {
                                    throw new RejectedException(
                                            Reason.EMPTY_PASSWORD, "The wallet password must not be empty.");
                                }
                                Path parent = keystoreFile.toAbsolutePath().getParent();
                                if (parent != null) {
                                    PrivateFiles.createDirectories(parent);
                                }
                                try (UnlockedWallet created = restored
                                        ? keystore.restore(keystoreFile, mnemonic, passphrase, password, network)
                                        : keystore.create(keystoreFile, mnemonic, passphrase, password, network)) {
                                    Opened o = opened(created);
                                    if (!restored) {
                                        startAtTip(o, network);
                                    }
                                    return o;
                                }
                            } catch (FileAlreadyExistsException e) {
                                throw new RejectedException(
                                        Reason.ALREADY_EXISTS, "The wallet file " + keystoreFile + " already exists.");
                            } catch (IOException e) {
                                throw new RejectedException(
                                        Reason.IO_ERROR,
                                        "cannot write the wallet file " + keystoreFile + ": " + e.getMessage());
                            } finally {
                                Arrays.fill(password, '\0');
                            }
                        },
                        background)
                .thenApplyAsync(o -> new WalletModel(node, keystore, o.file(), o.data(), notifier), fx);
    }

    /** True when a wallet file exists at {@code keystoreFile} (a quick check, fine on any thread). */
    public static boolean exists(Path keystoreFile) {
        return Files.isRegularFile(keystoreFile);
    }
}
