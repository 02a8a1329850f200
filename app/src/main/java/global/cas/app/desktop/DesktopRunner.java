package global.cas.app.desktop;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import global.cas.app.cli.CliException;
import global.cas.app.node.NodeModule;
import global.cas.app.node.NodeRunner;
import global.cas.app.node.NodeSettings;
import global.cas.node.DataDirLock;
import global.cas.node.Node;
import global.cas.rpc.RpcServer;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.MiningModel;
import global.cas.ui.node.NodeController;
import global.cas.ui.node.NodeEventBridge;
import global.cas.ui.node.NodeModel;
import global.cas.ui.notify.DesktopAlerts;
import global.cas.ui.notify.Notice;
import global.cas.ui.notify.NotificationView;
import global.cas.ui.settings.PeerListModel;
import global.cas.ui.settings.SettingsController;
import global.cas.ui.settings.SettingsModel;
import global.cas.ui.settings.UiSettings;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.NodeAccess;
import global.cas.ui.shell.Screen;
import global.cas.ui.shell.ViewLoader;
import global.cas.ui.wallet.AddressBookController;
import global.cas.ui.wallet.DesktopNotifier;
import global.cas.ui.wallet.FirstRunController;
import global.cas.ui.wallet.FirstRunModel;
import global.cas.ui.wallet.OverviewController;
import global.cas.ui.wallet.ReceiveController;
import global.cas.ui.wallet.SecurityController;
import global.cas.ui.wallet.SendController;
import global.cas.ui.wallet.TransactionsController;
import global.cas.ui.wallet.WalletModel;
import global.cas.ui.wallet.WalletOpener;
import global.cas.ui.wallet.WalletText;
import global.cas.ui.wallet.WalletUnlocker;
import global.cas.wallet.data.h2.WalletDataH2Store;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.WordLists;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs CAS Wallet as a desktop program: the window opens at once while the node opens its
 * database on another thread; closing the window stops mining, the RPC server and the node (the
 * block being made finishes, nothing is half written), then the program ends. A second start on
 * the same data folder says the wallet is already open and exits with code 1.
 */
public final class DesktopRunner {
    /** The notice topic (and message key prefix) of an older-format devnet chain moved aside at start. */
    static final String CHAIN_ARCHIVED = "node.notify.chainArchived";

    private static final Logger LOG = LoggerFactory.getLogger(DesktopRunner.class);

    private final Injector injector;

    @Inject
    DesktopRunner(Injector injector) {
        this.injector = injector;
    }

    /**
     * Runs until the window is closed, or with {@code screenshots} until every screen was written
     * there in both languages (once the node has made a few blocks). The window opens {@code
     * walletFile}, or offers to create or restore it (first run) when it does not exist yet; an
     * existing wallet opens with {@code password} (from {@code --password-file}, wiped) or asks for it.
     */
    public int run(
            NodeSettings settings,
            java.nio.file.Path walletFile,
            Optional<UiLanguage> language,
            Optional<Screenshots> screenshots,
            Optional<char[]> password) {
        System.setProperty(NodeRunner.LOG_DIR_PROPERTY, settings.dataDir().toString());
        if (DataDirLock.heldByAnother(settings.dataDir())) {
            return alreadyOpen(settings, language);
        }
        Injector nodeInjector = injector.createChildInjector(new NodeModule(settings));
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cas-desktop");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<RpcServer> rpc = new AtomicReference<>();
        CompletableFuture<Node> node = new CompletableFuture<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(0);
        // SIGTERM or Ctrl-C in the terminal: close the node as the window's close button would
        Thread hook = new Thread(
                () -> {
                    if (done.getCount() > 0) {
                        shutdown(node, rpc);
                    }
                },
                "cas-desktop-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Platform.startup(() ->
                    open(settings, walletFile, language, screenshots, password, node, rpc, background, done, exit));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            background.shutdownNow();
            throw new CliException(
                    "NO_DISPLAY",
                    "There is no display to open the window on (" + e.getMessage()
                            + "): run './cas-wallet --headless' for the node alone, or 'xvfb-run -a ./cas-wallet'.",
                    CliException.USER_ERROR);
        }
        // the window is opening: now open the node's database beside it
        background.execute(() -> {
            try {
                Node n = nodeInjector.getInstance(Node.class);
                try {
                    rpc.set(nodeInjector.getInstance(RpcServer.class));
                } catch (RuntimeException e) {
                    LOG.warn("the RPC server did not start; the window works without it", e);
                }
                node.complete(n);
            } catch (ProvisionException e) {
                node.completeExceptionally(e.getCause() != null ? e.getCause() : e);
            } catch (RuntimeException e) {
                node.completeExceptionally(e);
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook closes the node
        }
        background.shutdownNow();
        return exit.get();
    }

    /**
     * A second start on a data folder that is open already: the window that has it comes to the
     * front and this start ends without a window of its own; when a node without a window holds the
     * folder, one translated message says so.
     */
    private int alreadyOpen(NodeSettings settings, Optional<UiLanguage> language) {
        global.cas.app.cli.Terminal terminal = injector.getInstance(global.cas.app.cli.Terminal.class);
        UiSettings saved = UiSettings.load(settings.dataDir().resolve("settings.json"), Locale.getDefault());
        Messages messages = new Messages(language.orElse(saved.language()));
        if (WindowFocusSignal.request(settings.dataDir())) {
            terminal.out().println(messages.get("app.alreadyOpen.front", settings.dataDir()));
            terminal.out().flush();
            return 0;
        }
        String sentence = messages.get("app.alreadyOpen.node", settings.dataDir());
        terminal.err().println("error: ALREADY_OPEN: " + sentence);
        terminal.err().flush();
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return CliException.USER_ERROR; // no desktop to show it on: the terminal line says it
        }
        try {
            CountDownLatch shown = new CountDownLatch(1);
            Platform.startup(() -> {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, sentence);
                alert.setTitle(messages.get("app.title"));
                alert.setHeaderText(messages.reason("ALREADY_OPEN"));
                alert.showAndWait();
                shown.countDown();
                Platform.exit();
            });
            shown.await();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // no display: the terminal line says it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CliException.USER_ERROR;
    }

    private void open(
            NodeSettings settings,
            java.nio.file.Path walletFile,
            Optional<UiLanguage> language,
            Optional<Screenshots> screenshots,
            Optional<char[]> password,
            CompletableFuture<Node> nodeFuture,
            AtomicReference<RpcServer> rpc,
            ExecutorService background,
            CountDownLatch done,
            AtomicInteger exit) {
        Platform.setImplicitExit(false);
        UiSettings saved = UiSettings.load(settings.dataDir().resolve("settings.json"), Locale.getDefault());
        UiSettings initial = language.map(saved::withLanguage).orElse(saved);
        Messages messages = new Messages(initial.language());
        SettingsModel settingsModel = new SettingsModel(
                messages, initial, settings.dataDir().resolve("settings.json"), background, SystemTheme::prefersDark);
        NodeAccess access = new NodeAccess(nodeFuture);
        NodeEventBridge bridge = new NodeEventBridge(new FxExecutor());
        nodeFuture.thenAccept(n -> n.subscribe(bridge));
        NodeModel nodeModel = new NodeModel(access, bridge);
        MiningModel mining = new MiningModel(nodeModel);
        Keystore keystore = new Keystore(new SecureRandom());
        // one notification centre for the window: bursts merged, a few on screen, a history, the desktop's own
        NotificationView notices = NotificationView.forDesktop(
                messages,
                units -> WalletText.cas(messages, units),
                DesktopAlerts.detect(System.getenv(), background, "CAS Wallet"));
        DesktopNotifier notifier = new DesktopNotifier(notices);
        // an older-format devnet chain moved aside at start: say so once, where notices are kept
        nodeFuture.thenAccept(n -> n.archivedChain()
                .ifPresent(p -> Platform.runLater(() -> notices.post(new Notice(CHAIN_ARCHIVED, 0, -1)))));
        WalletOpener opener = new WalletOpener(keystore, WalletDataH2Store::forKeystore, nodeModel, notifier);
        AtomicReference<WalletModel> wallet = new AtomicReference<>();
        AtomicReference<FirstRunModel> firstRun = new AtomicReference<>();
        AtomicReference<NodeController> nodeController = new AtomicReference<>();
        ControllerFactory controllers = new ControllerFactory()
                .register(NodeController.class, () -> new NodeController(nodeModel, mining, messages))
                .register(
                        SettingsController.class,
                        () -> new SettingsController(
                                settingsModel, new PeerListModel(access, messages, new FxExecutor()), messages))
                .register(FirstRunController.class, () -> new FirstRunController(messages, firstRun.get()))
                .register(OverviewController.class, () -> new OverviewController(wallet.get(), messages))
                .register(SendController.class, () -> new SendController(wallet.get(), messages))
                .register(ReceiveController.class, () -> new ReceiveController(wallet.get(), messages))
                .register(TransactionsController.class, () -> new TransactionsController(wallet.get(), messages))
                .register(AddressBookController.class, () -> new AddressBookController(wallet.get(), messages))
                .register(SecurityController.class, () -> new SecurityController(wallet.get(), messages))
                .register(
                        global.cas.ui.governance.GovernanceController.class,
                        () -> new global.cas.ui.governance.GovernanceController(
                                new global.cas.ui.governance.GovernanceModel(wallet.get()), messages));
        ViewLoader views = new ViewLoader(messages, controllers);
        String w = "/global/cas/ui/wallet/";
        List<Screen> nodeScreens = List.of(
                new Screen(
                        "node",
                        "nav.node",
                        "/global/cas/ui/node/node.fxml",
                        KeyCombination.keyCombination("Shortcut+7")),
                new Screen(
                        "settings",
                        "nav.settings",
                        "/global/cas/ui/settings/settings.fxml",
                        KeyCombination.keyCombination("Shortcut+8")));
        List<Screen> walletScreens = List.of(
                new Screen(
                        "overview", "nav.overview", w + "overview.fxml", KeyCombination.keyCombination("Shortcut+1")),
                new Screen("send", "nav.send", w + "send.fxml", KeyCombination.keyCombination("Shortcut+2")),
                new Screen("receive", "nav.receive", w + "receive.fxml", KeyCombination.keyCombination("Shortcut+3")),
                new Screen(
                        "transactions",
                        "nav.transactions",
                        w + "transactions.fxml",
                        KeyCombination.keyCombination("Shortcut+4")),
                new Screen(
                        "addressBook",
                        "nav.addressBook",
                        w + "addressbook.fxml",
                        KeyCombination.keyCombination("Shortcut+5")),
                new Screen(
                        "security", "nav.security", w + "security.fxml", KeyCombination.keyCombination("Shortcut+6")),
                new Screen(
                        "governance",
                        "nav.governance",
                        "/global/cas/ui/governance/governance.fxml",
                        KeyCombination.keyCombination("Shortcut+9")));
        List<Screen> screens = new java.util.ArrayList<>(walletScreens);
        screens.addAll(nodeScreens);
        MainWindow window = new MainWindow(views, nodeModel, nodeScreens);
        window.placeNotifications(notices.bell(), notices.overlay());
        window.whenLoaded("node", c -> {
            nodeController.set((NodeController) c);
            WalletModel open = wallet.get();
            if (open != null && open.receivingAddressProperty().get() != null) {
                ((NodeController) c)
                        .suggestAddress(open.receivingAddressProperty().get().encode(open.network()));
            }
        });
        RecentWallets recent = new RecentWallets(settings.dataDir());
        java.util.function.Consumer<WalletModel> walletOpened = model -> {
            WalletModel before = wallet.getAndSet(model);
            if (before != null && before != model) {
                before.shutdown();
            }
            recent.opened(model.path());
            window.setScreens(screens, "overview");
        };
        Stage stage = new Stage();
        // "(2) CAS Wallet" while payments announced in the background wait to be seen
        stage.titleProperty()
                .bind(Bindings.createStringBinding(
                        () -> notifier.unreadProperty().get() > 0
                                ? messages.get(
                                        "app.title.unread",
                                        Integer.toString(
                                                notifier.unreadProperty().get()))
                                : messages.get("app.title"),
                        messages.languageProperty(),
                        notifier.unreadProperty()));
        Scene scene = new Scene(window.root(), 1100, 720);
        window.installShortcuts(scene);
        settingsModel.attach(window.root());
        stage.setScene(scene);
        var icon = DesktopRunner.class.getResourceAsStream("/global/cas/app/desktop/cas-wallet.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setOnCloseRequest(e -> {
            e.consume();
            stage.getScene().getRoot().setDisable(true);
            mining.stop();
            WalletModel open = wallet.get();
            background.execute(() -> {
                if (open != null) {
                    try {
                        open.shutdown().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception ex) {
                        LOG.warn("the wallet did not close cleanly", ex);
                    }
                }
                shutdown(nodeFuture, rpc);
                Platform.runLater(() -> {
                    stage.close();
                    access.close();
                    Platform.exit();
                    done.countDown();
                });
            });
        });
        nodeFuture.whenComplete((n, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                LOG.error("the node could not start", cause);
                Platform.runLater(() -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR);
                    alert.setTitle(messages.get("app.error.title"));
                    alert.setHeaderText(messages.reason(
                            cause instanceof DataDirLock.AlreadyOpenException
                                    ? "ALREADY_OPEN"
                                    : cause instanceof global.cas.store.ChainDataException d
                                            ? d.reason().name()
                                            : "NODE_START_FAILED"));
                    alert.setContentText(cause.getMessage());
                    alert.showAndWait();
                    exit.set(1);
                    stage.close();
                    Platform.exit();
                    done.countDown();
                });
            }
        });
        stage.show();
        // a second start on this folder brings this window to the front instead of opening another
        WindowFocusSignal focus = WindowFocusSignal.listen(
                settings.dataDir(),
                () -> Platform.runLater(() -> {
                    stage.setIconified(false);
                    stage.show();
                    stage.toFront();
                    stage.requestFocus();
                }));
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> focus.close());
        java.util.concurrent.atomic.AtomicBoolean passwordUsed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<java.nio.file.Path> openFile = file -> {
            WalletModel current = wallet.get();
            if (current != null && current.path().toAbsolutePath().equals(file.toAbsolutePath())) {
                window.show("overview"); // already open: its files are in use
                return;
            }
            // the --password-file password is for the wallet the program was started with, once
            Optional<char[]> given = passwordUsed.getAndSet(true) ? Optional.empty() : password;
            new WalletUnlocker(messages, opener)
                    .open(file, stage, given, window::showStandalone)
                    .whenComplete((model, error) -> Platform.runLater(() -> {
                        if (error != null) {
                            LOG.error("cannot open the wallet {}", file, error);
                            Alert alert = new Alert(Alert.AlertType.ERROR, messages.explain(error));
                            alert.setTitle(messages.get("app.error.title"));
                            alert.setHeaderText(file.toString());
                            alert.show();
                        } else if (model.network() != settings.network()) {
                            // a wallet of another network would show addresses its node cannot pay
                            Alert alert = new Alert(Alert.AlertType.ERROR, messages.reason("WRONG_NETWORK"));
                            alert.setTitle(messages.get("app.error.title"));
                            alert.setHeaderText(file + ": " + model.network().id() + " ≠ "
                                    + settings.network().id());
                            alert.show();
                            model.shutdown();
                        } else {
                            walletOpened.accept(model);
                        }
                    }));
        };
        java.util.function.Consumer<java.nio.file.Path> newWallet = file -> background.execute(() -> {
            WordLists lists = WordLists.loadAll();
            Platform.runLater(() -> {
                FirstRunModel model = new FirstRunModel(opener, lists, file, settings.network(), new SecureRandom());
                firstRun.set(model);
                window.showStandalone(
                        views.<FirstRunController>load(w + "firstrun.fxml").root());
                model.result().thenAcceptAsync(walletOpened, new FxExecutor());
            });
        });
        window.installMenu(new DesktopMenu(
                stage,
                messages,
                settings.dataDir(),
                () -> nodeModel.chainIdProperty().get(),
                () -> Optional.ofNullable(wallet.get()).map(WalletModel::path),
                openFile,
                newWallet,
                recent));
        if (WalletOpener.exists(walletFile)) {
            openFile.accept(walletFile);
        } else {
            background.execute(() -> {
                WordLists lists = WordLists.loadAll();
                Platform.runLater(() -> {
                    FirstRunModel model =
                            new FirstRunModel(opener, lists, walletFile, settings.network(), new SecureRandom());
                    firstRun.set(model);
                    window.showStandalone(
                            views.<FirstRunController>load(w + "firstrun.fxml").root());
                    model.result().thenAcceptAsync(walletOpened, new FxExecutor());
                    screenshots.ifPresent(shots -> new ScreenshotTour(
                                    window, messages, scene, shots.dir(), settingsModel)
                            .runCurrent(
                                    "firstrun",
                                    () -> stage.getOnCloseRequest()
                                            .handle(new javafx.stage.WindowEvent(
                                                    stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))));
                });
            });
        }
        screenshots.ifPresent(shots -> nodeModel
                .heightProperty()
                .addListener(new javafx.beans.value.ChangeListener<Number>() {
                    @Override
                    public void changed(
                            javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number height) {
                        if (nodeModel.readyProperty().get()
                                && height.longValue() >= 2
                                && wallet.get() != null
                                && wallet.get().syncedProperty().get()) {
                            nodeModel.heightProperty().removeListener(this);
                            new ScreenshotTour(window, messages, scene, shots.dir(), settingsModel)
                                    .run(
                                            window.screens().stream()
                                                    .map(Screen::id)
                                                    .filter(shots::wants)
                                                    .toList(),
                                            () -> stage.getOnCloseRequest()
                                                    .handle(new javafx.stage.WindowEvent(
                                                            stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
                        }
                    }
                }));
    }

    private static void shutdown(CompletableFuture<Node> nodeFuture, AtomicReference<RpcServer> rpc) {
        try {
            // a node still opening its database gets a minute to finish before it is closed
            Node n = nodeFuture.get(60, java.util.concurrent.TimeUnit.SECONDS);
            RpcServer server = rpc.get();
            if (server != null) {
                server.close();
            }
            n.close();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("the node never finished starting; nothing to close", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("while closing the node", e);
        }
    }
}
