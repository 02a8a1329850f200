package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.node.query.NodeQueries;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.ui.node.NodeModel;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.shell.NodeAccess;
import global.cas.wallet.HistoryGap;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.WalletData;
import global.cas.wallet.keys.AccountInfo;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view model of one open wallet: its addresses, CAS balance (committed) and spendable amount
 * (less what pending transactions spend), its history newest first, the status of the
 * transactions it sent, and its labels and address book ({@link #book()}).
 *
 * <p>It keeps up with the chain by itself: once the node is ready it scans, on its own thread,
 * every block since the history it saved last time, or from genesis (the first catch-up), then again whenever {@link
 * NodeModel#lastAdvanceProperty()} says blocks were committed. Payments received and rewards mined
 * after the first catch-up go to the {@link PaymentNotifier}. While it is open the node prunes no
 * block it has not read; blocks a pruning node dropped before it got there are skipped, their
 * transactions missing from the history ({@link #historyGapsProperty()}), the balances complete.
 *
 * <p><b>Threads.</b> Create and use on the FX thread; properties and lists change on the FX thread
 * only. Everything that reads the node, the disk or the keystore (Argon2) or signs runs on the
 * model's background threads; the futures it returns may complete on any thread, so finish them
 * with {@code whenCompleteAsync(..., fxExecutor)}. The password arrays given to it are wiped.
 */
public final class WalletModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalletModel.class);

    private final NodeModel node;
    private final NodeAccess access;
    private final WalletData data;
    private final PaymentNotifier notifier;
    private final Network network;
    private final FxExecutor fx = new FxExecutor();
    private final AddressActivity activity = new AddressActivity(fx, this::book);
    private final ExecutorService scanThread = Executors.newSingleThreadExecutor(daemon("cas-ui-wallet-scan"));
    private final ExecutorService work = Executors.newCachedThreadPool(daemon("cas-ui-wallet-work"));
    private final WalletScanner scanner;
    private final WalletBook book;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private final Set<Hash> watched = ConcurrentHashMap.newKeySet();
    private final Map<Hash, ReadOnlyObjectWrapper<TxStatus>> statuses = new HashMap<>();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final WalletKeys keys;
    private volatile boolean closed;
    // once the person asked for a new address, it stays the receiving address
    private boolean receivingChosen;

    private final ObservableList<Address> addresses = FXCollections.observableArrayList();
    private final ObservableList<AccountInfo> accounts = FXCollections.observableArrayList();
    private final ObservableList<AccountInfo> accountsView = FXCollections.unmodifiableObservableList(accounts);
    private final ObservableList<WalletEntry> history = FXCollections.observableArrayList();
    private final ObservableList<Address> addressesView = FXCollections.unmodifiableObservableList(addresses);
    private final ObservableList<WalletEntry> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyLongWrapper balance = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper spendable = new ReadOnlyLongWrapper(0);
    private final ReadOnlyObjectWrapper<Address> receivingAddress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper synced = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper scannedHeight = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyLongWrapper tipHeight = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<List<HistoryGap>> historyGaps = new ReadOnlyObjectWrapper<>(List.of());
    private final ChangeListener<Object> onAdvance = (o, a, b) -> refresh();

    /**
     * Opens the model over an opened keystore file and its wallet data; starts the first catch-up as
     * soon as the node is ready. Usually made by {@link WalletOpener}. FX thread.
     */
    public WalletModel(
            NodeModel node, Keystore keystore, KeystoreFile file, WalletData data, PaymentNotifier notifier) {
        this.node = node;
        this.access = node.access();
        this.keys = new WalletKeys(keystore, file, work, fx, this::take);
        this.data = data;
        this.notifier = notifier;
        this.network = file.network();
        List<Address> all = file.info().allAddresses();
        // the pools derived ahead too: a payment to an address not handed out yet is still found
        this.scanner = new WalletScanner(file.info().watchedAddresses(), data);
        addresses.setAll(all);
        accounts.setAll(file.info().accounts());
        // until the history says which addresses were used: the first one
        receivingAddress.set(firstUnused(file, Set.of()));
        node.lastAdvanceProperty().addListener(onAdvance);
        access.ready().thenRun(this::refresh);
        this.book = new WalletBook(data, work);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- keeping up with the chain

    /** Scans new blocks and reads balances again, on the scan thread; a refresh already queued covers this one. */
    public void refresh() {
        if (closed || !access.isReady() || !scanQueued.compareAndSet(false, true)) {
            return;
        }
        NodeQueries n = access.ready().join();
        try {
            scanThread.execute(() -> {
                scanQueued.set(false);
                scan(n);
            });
        } catch (RejectedExecutionException e) {
            scanQueued.set(false);
        }
    }

    private void scan(NodeQueries n) {
        if (closed) {
            return;
        }
        try {
            scanner.catchUp(n, batch -> fx.execute(() -> applyBatch(batch)));
            WalletScanner.Totals totals = scanner.totals(n, Set.copyOf(watched));
            boolean caughtUp = scanner.caughtUp();
            fx.execute(() -> applyTotals(totals, caughtUp));
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn(
                        "scanning the chain for wallet {} failed; the next block tries again",
                        keys.file().path(),
                        e);
            }
        }
    }

    private void applyBatch(WalletScanner.Batch batch) {
        if (!batch.entries().isEmpty()) {
            List<WalletEntry> newestFirst = new ArrayList<>(batch.entries());
            java.util.Collections.reverse(newestFirst);
            history.addAll(0, newestFirst);
            if (batch.announce()) {
                for (WalletEntry e : batch.entries()) {
                    if (e.kind() == WalletEntry.Kind.RECEIVED || e.kind() == WalletEntry.Kind.MINED) {
                        notifier.paymentArrived(e);
                    }
                }
            }
        }
        readyNode()
                .ifPresent(n -> activity.findReceivingAddresses(batch.entries(), n, Set.copyOf(addresses), scanThread));
        scannedHeight.set(batch.scannedHeight());
        tipHeight.set(batch.tipHeight());
        if (!batch.gaps().equals(historyGaps.get())) {
            historyGaps.set(batch.gaps());
        }
        activity.used(batch.used());
        if (!receivingChosen) {
            receivingAddress.set(firstUnused(keys.file(), batch.used()));
        }
    }

    /**
     * The address to give out: the first of the first account that never received anything (a
     * restored wallet starts with many addresses, see {@link Keystore#restore}), or its newest when
     * all were used.
     */
    private static Address firstUnused(KeystoreFile file, Set<Address> used) {
        List<Address> first = file.info().accounts().get(0).addresses();
        return first.stream().filter(a -> !used.contains(a)).findFirst().orElse(first.get(first.size() - 1));
    }

    private void applyTotals(WalletScanner.Totals totals, boolean caughtUp) {
        activity.balances(totals.perAddress());
        balance.set(totals.balance());
        spendable.set(totals.spendable());
        totals.statuses().forEach((id, status) -> {
            ReadOnlyObjectWrapper<TxStatus> p = statuses.get(id);
            if (p != null) {
                p.set(status);
            }
            if (status.isFinal()) {
                watched.remove(id);
            }
        });
        if (caughtUp) {
            synced.set(true);
        }
    }

    // ---------------------------------------------------------------- sending

    private Optional<NodeQueries> readyNode() {
        return access.isReady() ? Optional.of(access.ready().join()) : Optional.empty();
    }

    /**
     * What sending {@code request} would do (amount, exact fee, size), worked out from the spendable
     * outputs now, without the password.
     *
     * @return fails with {@link WalletRefusal} ({@code NODE_NOT_READY}, {@code FEE_ABOVE_AMOUNT}) or
     *     a {@link RejectedException} ({@code INSUFFICIENT_FUNDS}...)
     */
    public CompletableFuture<Quote> quote(SendRequest request) {
        Optional<NodeQueries> n = readyNode();
        if (n.isEmpty()) {
            return CompletableFuture.failedFuture(new WalletRefusal(WalletRefusal.NODE_NOT_READY));
        }
        // the pools too: what a payment to a pooled address brought is spendable
        List<Address> mine = keys.file().info().watchedAddresses();
        return CompletableFuture.supplyAsync(
                () -> {
                    SendPlanner.Plan p = SendPlanner.plan(n.get(), SendPlanner.standIns(mine), mine.get(0), request);
                    // G2, G8: what the send would cost a seat, a candidacy or open votes, said before it is confirmed
                    return p.quote().withRisks(StakeRisk.of(n.get(), p.transfer(), p.spendable(), mine));
                },
                work);
    }

    /**
     * Unlocks the wallet with {@code password}, builds and signs the transfer, and submits it to the
     * node; its status is then followed ({@link #confirmation}). Nothing is sent on any failure.
     *
     * @return the transaction id; fails with {@code WRONG_PASSWORD}, {@code INSUFFICIENT_FUNDS},
     *     {@link WalletRefusal} or the node's rejection
     */
    public CompletableFuture<Hash> send(SendRequest request, char[] password) {
        Optional<NodeQueries> n = readyNode();
        if (n.isEmpty()) {
            Arrays.fill(password, '\0');
            return CompletableFuture.failedFuture(new WalletRefusal(WalletRefusal.NODE_NOT_READY));
        }
        KeystoreFile f = keys.file();
        Address change = addresses.get(0);
        return CompletableFuture.supplyAsync(
                        () -> keys.unlocked(
                                f,
                                password,
                                unlocked -> SendPlanner.plan(n.get(), SendPlanner.keys(unlocked), change, request)
                                        .transfer()),
                        work)
                .thenCompose(t -> n.get().submit(t))
                .whenCompleteAsync(
                        (id, error) -> {
                            if (id != null) {
                                follow(id);
                                refresh();
                            }
                        },
                        fx);
    }

    /**
     * Unlocks the wallet with {@code password}, signs {@code action} with the key of {@code from}
     * (a governance action: one signer, its fee, at least {@code minimumFee}, from that address's
     * own outputs, the rest back to it) and submits it; its status is then followed. Nothing is
     * sent on any failure.
     *
     * @return the transaction id; fails with {@code WRONG_PASSWORD}, {@code INSUFFICIENT_FUNDS} or
     *     the node's rejection (its reason: {@code OUTSIDE_WINDOW}, {@code NOT_CANDIDATE}…)
     */
    public CompletableFuture<Hash> act(
            global.cas.ledger.GovernanceAction action, Address from, long minimumFee, char[] password) {
        Optional<NodeQueries> n = readyNode();
        if (n.isEmpty()) {
            Arrays.fill(password, '\0');
            return CompletableFuture.failedFuture(new WalletRefusal(WalletRefusal.NODE_NOT_READY));
        }
        KeystoreFile f = keys.file();
        return CompletableFuture.supplyAsync(
                        () -> keys.unlocked(f, password, unlocked -> {
                            KeyPair key = SendPlanner.keys(unlocked).get(from);
                            if (key == null) {
                                throw new IllegalArgumentException("the wallet holds no key of " + from);
                            }
                            var tip = n.get().tipSummary();
                            return new global.cas.wallet.TransferBuilder(tip.chainId(), tip.minFeePerByte())
                                    .act(
                                            n.get().spendableOutputs(from),
                                            key,
                                            action,
                                            minimumFee,
                                            tip.height() + SendPlanner.EXPIRY_BLOCKS);
                        }),
                        work)
                .thenCompose(t -> n.get().submit(t))
                .whenCompleteAsync(
                        (id, error) -> {
                            if (id != null) {
                                follow(id);
                                refresh();
                            }
                        },
                        fx);
    }

    /** The status of a transaction, followed from now on as blocks arrive; starts as pending. FX thread. */
    public ReadOnlyObjectProperty<TxStatus> confirmation(Hash id) {
        return follow(id).getReadOnlyProperty();
    }

    private ReadOnlyObjectWrapper<TxStatus> follow(Hash id) {
        ReadOnlyObjectWrapper<TxStatus> p = statuses.get(id);
        if (p == null) {
            p = new ReadOnlyObjectWrapper<>(new TxStatus.Pending());
            statuses.put(id, p);
            watched.add(id);
            refresh();
        }
        return p;
    }

    // ---------------------------------------------------------------- addresses

    /**
     * Hands out the next address of {@code account} from the pool derived ahead, without the
     * password, saves it in the keystore file and makes it the receiving address.
     *
     * @return fails with {@link WalletRefusal#POOL_EMPTY} when the pool is used up (then {@link
     *     #newAddress(int, char[])} derives more with the password), or {@code IO_ERROR}
     */
    public CompletableFuture<Address> newAddress(int account) {
        KeystoreFile f = keys.file();
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return f.issueAddress(account)
                                        .orElseThrow(() -> new WalletRefusal(WalletRefusal.POOL_EMPTY));
                            } catch (IOException e) {
                                throw new RejectedException(
                                        Reason.IO_ERROR,
                                        "cannot write the wallet file " + f.path() + ": " + e.getMessage());
                            }
                        },
                        work)
                .thenApplyAsync(
                        next -> {
                            take(next);
                            List<Address> issued =
                                    next.info().account(account).orElseThrow().addresses();
                            Address a = issued.get(issued.size() - 1);
                            receivingChosen = true;
                            receivingAddress.set(a);
                            return a;
                        },
                        fx);
    }

    /** {@link #newAddress(int, char[])} in the first account. */
    public CompletableFuture<Address> newAddress(char[] password) {
        return newAddress(0, password);
    }

    /**
     * Derives the next address of {@code account} (the password unlocks the keys), saves it in the
     * keystore file and makes it the receiving address. Fails with {@code WRONG_PASSWORD} or {@code
     * IO_ERROR}; the password array is wiped.
     */
    public CompletableFuture<Address> newAddress(int account, char[] password) {
        return changeKeys(password, unlocked -> unlocked.addAddress(account))
                .thenApplyAsync(
                        a -> {
                            receivingChosen = true;
                            receivingAddress.set(a);
                            return a;
                        },
                        fx);
    }

    /**
     * Adds the wallet's next account with {@code label} and its first address, which becomes the
     * receiving address. Fails with {@link WalletRefusal#ACCOUNT_LABEL} for a bad label (before the
     * password is tried), {@code WRONG_PASSWORD} or {@code IO_ERROR}; the password array is wiped.
     */
    public CompletableFuture<AccountInfo> newAccount(String label, char[] password) {
        try {
            AccountInfo.checkLabel(label);
        } catch (IllegalArgumentException e) {
            Arrays.fill(password, '\0');
            return CompletableFuture.failedFuture(
                    new WalletRefusal(WalletRefusal.ACCOUNT_LABEL, Integer.toString(AccountInfo.MAX_LABEL_LENGTH)));
        }
        return changeKeys(password, unlocked -> unlocked.addAccount(label))
                .thenApplyAsync(
                        a -> {
                            receivingChosen = true;
                            receivingAddress.set(a.addresses().get(0));
                            return a;
                        },
                        fx);
    }

    /** {@link WalletKeys#change}, then the file as rewritten taken in on the FX thread. */
    private <T> CompletableFuture<T> changeKeys(char[] password, WalletKeys.KeyChange<T> change) {
        return keys.change(password, change)
                .thenApplyAsync(
                        changed -> {
                            take(changed.file());
                            return changed.value();
                        },
                        fx);
    }

    /**
     * Takes in the keystore file as now written: its addresses and accounts, and (to the history
     * scan, from the next block on) the addresses derived since. FX thread.
     */
    private void take(KeystoreFile next) {
        List<Address> before = keys.file().info().watchedAddresses();
        keys.adopt(next);
        List<Address> fresh = next.info().watchedAddresses().stream()
                .filter(a -> !before.contains(a))
                .toList();
        addresses.setAll(next.info().allAddresses());
        accounts.setAll(next.info().accounts());
        if (!fresh.isEmpty()) {
            try {
                scanThread.execute(() -> fresh.forEach(scanner::addAddress));
            } catch (RejectedExecutionException e) {
                // closing
            }
            refresh();
        }
    }

    // ---------------------------------------------------------------- properties

    public Network network() {
        return network;
    }

    /** The keystore file. */
    public Path path() {
        return keys.file().path();
    }

    /** The wallet's keys: recovery words, password, the keystore file. */
    public WalletKeys keys() {
        return keys;
    }

    public NodeModel node() {
        return node;
    }

    /** Labels and the address book. */
    public WalletBook book() {
        return book;
    }

    /** Every address of the wallet, account 0 first. */
    public ObservableList<Address> addresses() {
        return addressesView;
    }

    /** What each address holds and received: balances, used or not, the labels payments carry. FX thread. */
    public AddressActivity activity() {
        return activity;
    }

    /** The wallet's accounts, each with its addresses, in number order. */
    public ObservableList<AccountInfo> accounts() {
        return accountsView;
    }

    /** The address to give out: the newest address of the first account. */
    public ReadOnlyObjectProperty<Address> receivingAddressProperty() {
        return receivingAddress.getReadOnlyProperty();
    }

    /** CAS held in committed blocks, base units. */
    public ReadOnlyLongProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    /** CAS that can be spent now: the balance less what pending transactions already spend. */
    public ReadOnlyLongProperty spendableProperty() {
        return spendable.getReadOnlyProperty();
    }

    /** The history, newest first. */
    public ObservableList<WalletEntry> history() {
        return historyView;
    }

    /** True once the first catch-up reached the tip: balances and history are then complete. */
    public ReadOnlyBooleanProperty syncedProperty() {
        return synced.getReadOnlyProperty();
    }

    /** The last block the history has read, -1 before the first. */
    public ReadOnlyLongProperty scannedHeightProperty() {
        return scannedHeight.getReadOnlyProperty();
    }

    /** The tip the last scan aimed at. */
    public ReadOnlyLongProperty tipHeightProperty() {
        return tipHeight.getReadOnlyProperty();
    }

    /**
     * The runs of blocks whose transactions the history does not list, because the node had pruned
     * them before this wallet read them (oldest first; empty when the history is complete).
     * Balances do not depend on them: they come from the node's state.
     */
    public ReadOnlyObjectProperty<List<HistoryGap>> historyGapsProperty() {
        return historyGaps.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- closing

    /** Stops scanning and closes the wallet data once pending writes are done; does not block. */
    @Override
    public void close() {
        shutdown();
    }

    /** {@link #close()}, with a future that completes when the threads stopped and the data is closed. */
    public CompletableFuture<Void> shutdown() {
        if (closed) {
            return closedFuture;
        }
        closed = true;
        node.lastAdvanceProperty().removeListener(onAdvance);
        try {
            scanThread.execute(() -> {
                scanner.save();
                // the blocks this wallet has not read may be pruned from now on
                scanner.close();
            });
        } catch (RejectedExecutionException e) {
            // already stopping
        }
        scanThread.shutdown();
        work.execute(() -> {
            try {
                scanThread.awaitTermination(10, TimeUnit.SECONDS);
                scanner.close();
                data.close();
                closedFuture.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closedFuture.completeExceptionally(e);
            } catch (RuntimeException e) {
                closedFuture.completeExceptionally(e);
            }
        });
        work.shutdown();
        return closedFuture;
    }
}
