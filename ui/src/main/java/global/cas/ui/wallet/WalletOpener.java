package global.cas.ui.wallet;

import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.ui.node.NodeModel;
import global.cas.ui.shell.FxExecutor;
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
import java.util.function.Function;

/**
 * Opens and creates wallets off the FX thread: reads (or writes) the keystore file, opens the
 * wallet's data beside it, then makes the {@link WalletModel} on the FX thread. Thread-safe.
 */
public final class WalletOpener {
    private final Keystore keystore;
    private final Function<Path, WalletData> dataStore;
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
     * @param dataStore opens the wallet data of a keystore file, e.g. {@code
     *     WalletDataH2Store::forKeystore}
     * @param node the node the wallets read
     * @param notifier told of payments received and rewards mined
     */
    public WalletOpener(
            Keystore keystore, Function<Path, WalletData> dataStore, NodeModel node, PaymentNotifier notifier) {
        this.keystore = keystore;
        this.dataStore = dataStore;
        this.node = node;
        this.notifier = notifier;
    }

    /** Opens the wallet in {@code keystoreFile}; no password is needed to watch it. */
    public CompletableFuture<WalletModel> open(Path keystoreFile) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return keystore.open(keystoreFile);
                            } catch (IOException e) {
                                throw new RejectedException(
                                        Reason.IO_ERROR,
                                        "cannot read the wallet file " + keystoreFile + ": " + e.getMessage());
                            }
                        },
                        background)
                .thenCompose(this::model);
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
                                    Files.createDirectories(parent);
                                }
                                try (UnlockedWallet created = restored
                                        ? keystore.restore(keystoreFile, mnemonic, passphrase, password, network)
                                        : keystore.create(keystoreFile, mnemonic, passphrase, password, network)) {
                                    return keystore.open(created.path());
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
                .thenCompose(this::model);
    }

    /** True when a wallet file exists at {@code keystoreFile} (a quick check, fine on any thread). */
    public static boolean exists(Path keystoreFile) {
        return Files.isRegularFile(keystoreFile);
    }

    private CompletableFuture<WalletModel> model(KeystoreFile file) {
        return CompletableFuture.supplyAsync(() -> dataStore.apply(file.path()), background)
                .thenApplyAsync(data -> new WalletModel(node, keystore, file, data, notifier), fx);
    }
}
