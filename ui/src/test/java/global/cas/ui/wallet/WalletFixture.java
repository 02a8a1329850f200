package global.cas.ui.wallet;

import global.cas.chain.ChainParams;
import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.NodeEventBridge;
import global.cas.ui.node.NodeModel;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.shell.NodeAccess;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.DataKey;
import global.cas.wallet.data.WalletData;
import global.cas.wallet.data.h2.WalletDataH2Store;
import global.cas.wallet.keys.DevnetAccounts;
import global.cas.wallet.keys.KdfParams;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.UnlockedWallet;
import global.cas.wallet.keys.WordList;
import global.cas.wallet.keys.WordLists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * What the wallet screen tests share: a real node on H2 making 100 ms blocks on a test chain whose
 * genesis also funds the first devnet faucet address (so restoring {@link DevnetAccounts#MNEMONIC}
 * gives 100,000,000 CAS), or no node at all (one that never gets ready); the node-side models, a
 * keystore with cheap Argon2, and wallets made straight from a phrase.
 */
final class WalletFixture {
    static final String PASSWORD = "correct horse battery";
    static final KdfParams CHEAP = new KdfParams(1, 64, 1);
    static final long FUNDS = Amounts.cas(100_000_000L);
    private static WordLists wordLists;

    /** TestChain's chain, but its tenth sale allocation goes to the first devnet faucet address. */
    static ChainParams params() {
        ChainParams p = TestChain.params();
        List<ChainParams.Allocation> allocations =
                new ArrayList<>(p.allocations().subList(0, 9));
        allocations.add(new ChainParams.Allocation(devnetAddress(), FUNDS));
        return p.withAllocations(allocations);
    }

    static Address devnetAddress() {
        return new DevnetAccounts().faucetKey(0).address();
    }

    static synchronized WordLists wordLists() {
        if (wordLists == null) {
            wordLists = WordLists.loadAll();
        }
        return wordLists;
    }

    /** Starts a node in {@code dir} making 100 ms blocks. */
    static Node startNode(Path dir) {
        return Node.start(
                new NodeConfig(
                        dir.resolve("node-" + System.nanoTime()),
                        params(),
                        Optional.of(TestChain.validator()),
                        1000,
                        100),
                H2ChainStore::open);
    }

    final Messages messages = new Messages(UiLanguage.ENGLISH);
    final Keystore keystore = new Keystore(new SecureRandom(), CHEAP);
    final NodeAccess access;
    final NodeEventBridge bridge = new NodeEventBridge(new FxExecutor());
    final NodeModel nodeModel;
    final List<WalletEntry> notified = new CopyOnWriteArrayList<>();
    /** Also told of every announced entry (e.g. the real notification centre); nothing by default. */
    volatile PaymentNotifier alsoNotify = PaymentNotifier.none();

    final WalletOpener opener;
    private final List<WalletModel> wallets = new ArrayList<>();
    private final Path dir;
    private AutoCloseable subscription;

    /** Models over {@code node}, or over a node that never gets ready when empty. Call on the FX thread. */
    WalletFixture(Path dir, Optional<Node> node) {
        this.dir = dir;
        this.access =
                new NodeAccess(node.map(CompletableFuture::completedFuture).orElseGet(CompletableFuture::new));
        node.ifPresent(n -> subscription = n.subscribe(bridge));
        this.nodeModel = new NodeModel(access, bridge);
        this.opener = new WalletOpener(keystore, WalletDataH2Store::forKeystore, nodeModel, this::announce);
    }

    private void announce(WalletEntry e) {
        notified.add(e);
        alsoNotify.paymentArrived(e);
    }

    /** A wallet restored from {@code phrase} (English), opened straight away. FX thread (the disk work is test set-up). */
    WalletModel wallet(String name, String phrase) {
        Mnemonic m = Mnemonic.parse(phrase, WordList.load(Language.ENGLISH));
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".wallet");
        try {
            keystore.create(file, m, "", PASSWORD.toCharArray(), Network.DEVNET).close();
            WalletModel w = new WalletModel(nodeModel, keystore, keystore.open(file), data(file), this::announce);
            wallets.add(w);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wallet data of the wallet in {@code file}, opened with the data key its keystore keeps (unlocked with {@link #PASSWORD}). */
    WalletData data(Path file) {
        try (UnlockedWallet unlocked = keystore.open(file).unlock(PASSWORD.toCharArray());
                DataKey key = unlocked.dataKey()) {
            return WalletDataH2Store.forKeystore(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wallet restored from the devnet phrase (so with the first 20 addresses), opened straight away. */
    WalletModel restoredDevnetWallet() {
        Mnemonic m = Mnemonic.parse(DevnetAccounts.MNEMONIC, WordList.load(Language.ENGLISH));
        Path file = dir.resolve("restored-" + System.nanoTime() + ".wallet");
        try {
            keystore.restore(file, m, "", PASSWORD.toCharArray(), Network.DEVNET)
                    .close();
            return reopen(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new model over a wallet file made before (e.g. by {@link #wallet}), as opening the program again does. */
    WalletModel reopen(Path file) {
        try {
            WalletModel w = new WalletModel(nodeModel, keystore, keystore.open(file), data(file), this::announce);
            wallets.add(w);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WalletModel devnetWallet() {
        return wallet("devnet", DevnetAccounts.MNEMONIC);
    }

    WalletModel newWallet() {
        return wallet(
                "fresh",
                Mnemonic.generate(WordList.load(Language.ENGLISH), new SecureRandom())
                        .phrase());
    }

    static String otherAddress(int key) {
        return TestKeys.key(key).address().encode(Network.DEVNET);
    }

    /** Closes the wallets and stops listening to the node (the node itself belongs to the test). */
    void close() throws Exception {
        for (WalletModel w : wallets) {
            w.shutdown().get(10, TimeUnit.SECONDS);
        }
        if (subscription != null) {
            subscription.close();
        }
        access.close();
    }

    /**
     * The controllers of the wallet screens over {@code wallet} (overview, send, receive,
     * transactions, address book, security), then {@code others} for any other view.
     */
    ViewLoader loader(WalletModel wallet, javafx.util.Callback<Class<?>, Object> others) {
        return new ViewLoader(messages, type -> {
            if (type == OverviewController.class) {
                return new OverviewController(wallet, messages);
            } else if (type == SendController.class) {
                return new SendController(wallet, messages);
            } else if (type == ReceiveController.class) {
                return new ReceiveController(wallet, messages);
            } else if (type == TransactionsController.class) {
                return new TransactionsController(wallet, messages);
            } else if (type == AddressBookController.class) {
                return new AddressBookController(wallet, messages);
            } else if (type == SecurityController.class) {
                return new SecurityController(wallet, messages);
            }
            return others.call(type);
        });
    }

    /** {@link #loader(WalletModel, javafx.util.Callback)} for the wallet screens alone. */
    ViewLoader loader(WalletModel wallet) {
        return loader(wallet, type -> {
            throw new IllegalArgumentException(type.getName());
        });
    }

    /**
     * Scrolls the screen so the node {@code query} names is in view, as a person would before
     * clicking it (a long screen scrolls rather than squeezing its content).
     */
    static void reveal(org.testfx.api.FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.Node n = robot.lookup(query).query();
            for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double content = sp.getContent().getBoundsInLocal().getHeight();
                    double view = sp.getViewportBounds().getHeight();
                    double y =
                            sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                    if (content > view) {
                        sp.setVvalue(Math.max(0, Math.min(1, (y - view / 2) / (content - view))));
                    }
                    sp.layout();
                    return;
                }
            }
        });
    }
}
