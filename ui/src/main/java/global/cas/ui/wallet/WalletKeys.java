package global.cas.ui.wallet;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.ui.shell.FxExecutor;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import global.cas.wallet.keys.UnlockedWallet;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallet's keys: its keystore file as last written, unlocking it with the password (Argon2,
 * off the FX thread), changes that need the keys (a derived address, an account, a new password)
 * and the recovery words. {@link WalletModel} owns one and takes in each rewritten file; following
 * the chain is the model's business, not this class's. Password arrays given to it are wiped.
 * Thread-safe: the file reference is volatile and every change runs on the given background
 * executor.
 */
public final class WalletKeys {
    private static final Logger LOG = LoggerFactory.getLogger(WalletKeys.class);

    private final Keystore keystore;
    private final Executor work;
    private final FxExecutor fx;
    private final Consumer<KeystoreFile> rewritten;
    private volatile KeystoreFile file;

    /**
     * @param rewritten told, on the FX thread, of a file rewritten by the key work itself (address
     *     pools topped up while unlocked)
     */
    WalletKeys(Keystore keystore, KeystoreFile file, Executor work, FxExecutor fx, Consumer<KeystoreFile> rewritten) {
        this.keystore = keystore;
        this.file = file;
        this.work = work;
        this.fx = fx;
        this.rewritten = rewritten;
    }

    /** The keystore file as last taken in. */
    KeystoreFile file() {
        return file;
    }

    /** Takes in the file as now written; the model calls it on the FX thread. */
    void adopt(KeystoreFile next) {
        file = next;
    }

    /** A change to the keystore file that needs the keys. */
    @FunctionalInterface
    interface KeyChange<T> {
        T apply(UnlockedWallet unlocked) throws IOException;
    }

    /** What a change gave, and the file as it wrote it. */
    record Changed<T>(T value, KeystoreFile file) {}

    /** Unlocks the file, applies {@code change} and reopens the file, on the background executor. */
    <T> CompletableFuture<Changed<T>> change(char[] password, KeyChange<T> change) {
        KeystoreFile f = file;
        return CompletableFuture.supplyAsync(
                () -> unlocked(f, password, unlocked -> {
                    T value = change.apply(unlocked);
                    return new Changed<>(value, keystore.open(f.path()));
                }),
                work);
    }

    /**
     * Unlocks {@code f} with {@code password} (wiped), tops up its address pools (whenever the
     * wallet is unlocked, so New address keeps working without the password; a failure to save
     * them is logged and the action goes on) and applies {@code action}. Background thread.
     */
    <T> T unlocked(KeystoreFile f, char[] password, KeyChange<T> action) {
        try (UnlockedWallet unlocked = f.unlock(password)) {
            try {
                if (unlocked.topUpPool()) {
                    KeystoreFile now = keystore.open(f.path());
                    fx.execute(() -> rewritten.accept(now));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot derive addresses ahead in {}; New address asks for the password sooner", f.path(), e);
            }
            return action.apply(unlocked);
        } catch (IOException e) {
            throw new RejectedException(
                    Reason.IO_ERROR, "cannot write the wallet file " + f.path() + ": " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The recovery words of the wallet, and whether a mnemonic passphrase also guards its keys. */
    public record RecoveryPhrase(List<String> words, boolean hasPassphrase) {
        public RecoveryPhrase {
            words = List.copyOf(words);
        }
    }

    /**
     * Unlocks the wallet with {@code password} (Argon2, off the FX thread) and reads its recovery
     * words. Fails with {@code WRONG_PASSWORD}; the password array is wiped.
     */
    public CompletableFuture<RecoveryPhrase> recoveryPhrase(char[] password) {
        KeystoreFile f = file;
        return CompletableFuture.supplyAsync(
                () -> unlocked(
                        f,
                        password,
                        unlocked -> new RecoveryPhrase(
                                unlocked.mnemonic().words(),
                                !unlocked.passphrase().isEmpty())),
                work);
    }

    /**
     * Re-encrypts the wallet file under a new password (the keys do not change). Fails with {@code
     * WRONG_PASSWORD} for a wrong current one, {@code EMPTY_PASSWORD} for an empty new one and
     * {@code IO_ERROR} when the file cannot be written (it is then left as it was). The arrays are
     * wiped. The file as rewritten is taken in on the FX thread before the future completes.
     */
    public CompletableFuture<Void> changePassword(char[] current, char[] next) {
        if (next.length == 0) {
            Arrays.fill(current, '\0');
            return CompletableFuture.failedFuture(
                    new RejectedException(Reason.EMPTY_PASSWORD, "The wallet password must not be empty."));
        }
        return change(current, unlocked -> {
                    try {
                        unlocked.changePassword(next);
                        return null;
                    } finally {
                        Arrays.fill(next, '\0');
                    }
                })
                .thenAcceptAsync(changed -> rewritten.accept(changed.file()), fx);
    }
}
