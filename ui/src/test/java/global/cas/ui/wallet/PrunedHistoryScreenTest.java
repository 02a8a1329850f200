package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.Transaction;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.settings.SettingsModel;
import global.cas.ui.settings.UiSettings;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.testing.LayoutInspector;
import global.cas.wallet.HistoryGap;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.WordList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The history screen of a wallet restored on a node that pruned its early blocks: a calm notice
 * says which blocks' transactions it cannot list, in English and Chinese, nothing cut at 200% text;
 * the balance counts what those blocks brought. With {@code -Dscreenshots.dir=…} it also writes
 * {@code transactionsPruned-en.png} and {@code -zh.png} there.
 */
@ExtendWith(ApplicationExtension.class)
class PrunedHistoryScreenTest {
    private static final long KEEP = 5;
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 700;

    @TempDir
    static Path dir;

    private static Node node;
    private static Hash prunedPayment;
    private static List<Hash> keptPayments;

    private WalletFixture fixture;
    private WalletModel wallet;
    private MainWindow window;
    private SettingsModel settings;
    private Scene scene;

    /** Commits one block holding {@code txs}, a second after the last. */
    private static void block(Transaction... txs) throws Exception {
        for (Transaction t : txs) {
            node.submit(t).join();
        }
        node.chain().produce(TestChain.validator(), node.tip().time() + 1000).get(30, TimeUnit.SECONDS);
    }

    private static Transaction pay(int payer, Address to, String amount) {
        var key = TestChain.funded(payer);
        return TestChain.pay(
                key,
                node.spendableOutputs(key.address()).get(0),
                to,
                Amounts.parse(amount),
                node.tip().height() + 1_000);
    }

    /**
     * A node that makes blocks only when told and prunes all but the last {@value #KEEP}: the devnet
     * wallet is paid in block 1, then come 130 empty blocks (so block 1 is pruned), then two more
     * payments it can list.
     */
    @BeforeAll
    static void startNode() throws Exception {
        node = Node.start(
                new NodeConfig(
                                dir.resolve("node"),
                                WalletFixture.params(),
                                Optional.of(TestChain.validator()),
                                1000,
                                3_600_000)
                        .withPruning(KEEP),
                H2ChainStore::open);
        Address mine = WalletFixture.devnetAddress();
        Transaction early = pay(2, mine, "25");
        block(early);
        prunedPayment = early.id();
        for (int i = 0; i < 130; i++) {
            block();
        }
        Transaction first = pay(3, mine, "12.5");
        block(first);
        block();
        Transaction second = pay(4, mine, "40");
        block(second);
        keptPayments = List.of(first.id(), second.id());
        assertThat(node.prunedBelow()).isGreaterThan(1);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fixture = new WalletFixture(dir, Optional.of(node));
        wallet = fixture.restoredDevnetWallet();
        settings = new SettingsModel(
                fixture.messages,
                UiSettings.defaults(Locale.ENGLISH),
                dir.resolve("settings-" + System.nanoTime() + ".json"),
                Runnable::run,
                () -> false);
        window = new MainWindow(fixture.loader(wallet), fixture.nodeModel, WalletScreensTest.screens());
        scene = new Scene(window.root(), 1100, 720);
        settings.attach(window.root());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Label notice(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#gapNotice").queryAs(Label.class);
    }

    private List<String> layoutProblems(String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    return LayoutInspector.inspect(scene.getRoot(), scene.getWidth(), scene.getHeight()).stream()
                            .map(p -> where + ": " + p)
                            .toList();
                })
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a wallet made from new words on a pruned node starts at the tip: no pruned blocks reported"
            + " missing, no notice, and it still sees what comes after it")
    void newWalletHasNoGap(FxRobot robot) throws Exception {
        Mnemonic words = Mnemonic.generate(WordList.load(Language.ENGLISH), new java.security.SecureRandom());
        long tipWhenMade = node.tip().height();
        WalletModel fresh = fixture.opener
                .create(
                        dir.resolve("new-" + System.nanoTime() + ".wallet"),
                        words,
                        "",
                        WalletFixture.PASSWORD.toCharArray(),
                        Network.DEVNET,
                        false)
                .get(30, TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(
                    30, TimeUnit.SECONDS, () -> fresh.syncedProperty().get());
            assertThat(WaitForAsyncUtils.asyncFx(
                                    () -> fresh.historyGapsProperty().get())
                            .get())
                    .isEmpty();
            assertThat(fresh.scannedHeightProperty().get()).isGreaterThanOrEqualTo(tipWhenMade);
            Address receiving = WaitForAsyncUtils.asyncFx(
                            () -> fresh.receivingAddressProperty().get())
                    .get();
            block(pay(2, receiving, "3"));
            WaitForAsyncUtils.waitFor(
                    30, TimeUnit.SECONDS, () -> fresh.balanceProperty().get() == Amounts.parse("3"));
        } finally {
            WaitForAsyncUtils.asyncFx(fresh::close).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a wallet restored on a pruned node: the history says which blocks it cannot list, in English and"
            + " Chinese, the balance is complete, nothing is cut at 200% text")
    void noticeShowsTheGap(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> wallet.syncedProperty().get());
        long lastPruned = node.prunedBelow() - 1;
        List<HistoryGap> gaps = WaitForAsyncUtils.asyncFx(
                        () -> wallet.historyGapsProperty().get())
                .get();
        assertThat(gaps).containsExactly(new HistoryGap(1, lastPruned));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> wallet.balanceProperty().get() == WalletFixture.FUNDS + Amounts.parse("77.5"));

        robot.interact(() -> window.show("transactions"));
        Label label = notice(robot);
        assertThat(label.isVisible()).isTrue();
        assertThat(label.isManaged()).isTrue();
        assertThat(label.getText())
                .isEqualTo(String.format(
                        Locale.ENGLISH,
                        "Transactions in blocks 1–%,d are not listed: this node pruned those blocks before this"
                                + " wallet read them. Balances are complete.",
                        lastPruned));
        @SuppressWarnings("unchecked")
        TableView<WalletEntry> table = robot.lookup("#table").queryAs(TableView.class);
        List<Hash> listed = WaitForAsyncUtils.asyncFx(
                        () -> table.getItems().stream().map(WalletEntry::id).toList())
                .get();
        assertThat(listed).containsAll(keptPayments).doesNotContain(prunedPayment);
        assertThat(table.getItems()).anyMatch(e -> e.height() == 0 && e.kind() == WalletEntry.Kind.RECEIVED);

        List<String> problems = new ArrayList<>(layoutProblems("English 100%"));
        shoot("transactionsPruned-en.png");

        robot.interact(
                () -> settings.settingsProperty().set(settings.settings().withLanguage(UiLanguage.CHINESE_SIMPLIFIED)));
        robot.interact(() -> window.show("transactions"));
        assertThat(notice(robot).getText())
                .isEqualTo(String.format(Locale.ENGLISH, "区块 1–%,d 中的交易未列出：本节点在本钱包读取这些区块之前已将其修剪。余额完整无误。", lastPruned));
        problems.addAll(layoutProblems("Chinese 100%"));
        shoot("transactionsPruned-zh.png");

        robot.interact(() -> stageSize(WIDTH, HEIGHT));
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.CHINESE_SIMPLIFIED)) {
            robot.interact(() -> settings.settingsProperty()
                    .set(settings.settings().withLanguage(language).withTextScale(200)));
            robot.interact(() -> window.show("transactions"));
            assertThat(notice(robot).isVisible()).isTrue();
            problems.addAll(layoutProblems(language + " 200%"));
        }
        assertThat(problems).as("cut or out of reach").isEmpty();
    }

    private void stageSize(double width, double height) {
        scene.getWindow().setWidth(width);
        scene.getWindow().setHeight(height);
    }

    @Test
    @DisplayName("the notice's text: one block, several runs, none")
    void noticeText() {
        Messages en = new Messages(UiLanguage.ENGLISH);
        Messages zh = new Messages(UiLanguage.CHINESE_SIMPLIFIED);
        assertThat(WalletText.gaps(en, List.of())).isEmpty();
        assertThat(WalletText.gaps(en, List.of(new HistoryGap(7, 7))))
                .isEqualTo("Transactions in block 7 are not listed: this node pruned that block before this wallet"
                        + " read it. Balances are complete.");
        assertThat(WalletText.gaps(
                        en,
                        List.of(new HistoryGap(1, 4_321), new HistoryGap(5_000, 5_000), new HistoryGap(6_001, 12_000))))
                .isEqualTo("Transactions in blocks 1–4,321, 5,000 and 6,001–12,000 are not listed: this node pruned"
                        + " those blocks before this wallet read them. Balances are complete.");
        assertThat(WalletText.gaps(zh, List.of(new HistoryGap(7, 7))))
                .isEqualTo("区块 7 中的交易未列出：本节点在本钱包读取该区块之前已将其修剪。余额完整无误。");
        assertThat(WalletText.gaps(zh, List.of(new HistoryGap(1, 4_321), new HistoryGap(6_001, 12_000))))
                .isEqualTo("区块 1–4,321 和 6,001–12,000 中的交易未列出：本节点在本钱包读取这些区块之前已将其修剪。余额完整无误。");
    }

    private void shoot(String name) throws Exception {
        String shots = System.getProperty("screenshots.dir");
        if (shots == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Path file = Path.of(shots).resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
