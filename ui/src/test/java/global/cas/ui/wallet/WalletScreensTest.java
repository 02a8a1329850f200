package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.node.Node;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.Screen;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.Contact;
import global.cas.wallet.keys.DevnetAccounts;
import global.cas.wallet.keys.HdWallet;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.WordList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
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

/** The wallet screens in the main window, against a real node, for a wallet holding the devnet phrase's coins. */
@ExtendWith(ApplicationExtension.class)
class WalletScreensTest {
    @TempDir
    static Path dir;

    private static Node node;

    private WalletFixture fixture;
    private WalletModel wallet;
    private MainWindow window;
    private TransactionsController transactions;

    @BeforeAll
    static void startNode() {
        node = WalletFixture.startNode(dir);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** The screens as the program lists them. */
    static List<Screen> screens() {
        String base = "/global/cas/ui/wallet/";
        return List.of(
                new Screen(
                        "overview",
                        "nav.overview",
                        base + "overview.fxml",
                        KeyCombination.keyCombination("Shortcut+1")),
                new Screen("send", "nav.send", base + "send.fxml", KeyCombination.keyCombination("Shortcut+2")),
                new Screen(
                        "receive", "nav.receive", base + "receive.fxml", KeyCombination.keyCombination("Shortcut+3")),
                new Screen(
                        "transactions",
                        "nav.transactions",
                        base + "transactions.fxml",
                        KeyCombination.keyCombination("Shortcut+4")),
                new Screen(
                        "addressBook",
                        "nav.addressBook",
                        base + "addressbook.fxml",
                        KeyCombination.keyCombination("Shortcut+5")));
    }

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.of(node));
        wallet = fixture.devnetWallet();
        var m = fixture.messages;
        ViewLoader loader = fixture.loader(wallet);
        window = new MainWindow(loader, fixture.nodeModel, screens());
        window.whenLoaded("transactions", c -> transactions = (TransactionsController) c);
        Scene scene = new Scene(window.root(), 1200, 760);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** What a phone's scanner would read from the QR code on the screen. */
    private static String qrText(FxRobot robot) throws Exception {
        javafx.scene.image.Image image = WaitForAsyncUtils.asyncFx(
                        () -> robot.lookup("#qr").queryAs(ImageView.class).getImage())
                .get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        var bitmap = new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(w, h, argb)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    @DisplayName("the overview shows the balance, the genesis payment among recent transactions, and the node height")
    void overview(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> wallet.syncedProperty().get());
        assertThat(label(robot, "#balance")).isEqualTo("100,000,000 CAS");
        assertThat(label(robot, "#spendable")).isEqualTo("100,000,000 CAS");
        assertThat(label(robot, "#sync")).startsWith("Up to date at block ");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> label(robot, "#height").matches("[1-9][0-9,]*"));
        TableView<?> recent = robot.lookup("#recent").queryAs(TableView.class);
        assertThat(recent.getItems()).hasSize(1);
        // a devnet of this computer joined no network: nothing to sync, no stale-balance note
        assertThat(robot.lookup("#staleNote").queryAs(Label.class).isVisible()).isFalse();
        assertThat(label(robot, "#staleNote")).isEmpty();
    }

    @Test
    @DisplayName("receive shows the address with its QR code and copies it; a new address needs the right password")
    void receive(FxRobot robot) throws Exception {
        robot.clickOn("#nav-receive");
        String first = WalletFixture.devnetAddress().encode(Network.DEVNET);
        assertThat(robot.lookup("#address")
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText())
                .isEqualTo(first);
        assertThat(robot.lookup("#qr").queryAs(ImageView.class).getImage().getWidth())
                .isGreaterThanOrEqualTo(200);
        robot.clickOn("#copy");
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get();
        assertThat(copied).isEqualTo(first);
        assertThat(qrText(robot)).isEqualTo(first);

        // a payment request: the QR code and the copy carry the cas: link
        robot.interact(() -> {
            robot.lookup("#requestAmount").queryAs(TextField.class).setText("12.5");
            robot.lookup("#requestMessage").queryAs(TextField.class).setText("午餐 lunch");
        });
        String link = "cas:" + first + "?amount=12.5&message=%E5%8D%88%E9%A4%90%20lunch";
        assertThat(robot.lookup("#address")
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText())
                .isEqualTo(link);
        assertThat(qrText(robot)).isEqualTo(link);
        robot.clickOn("#copy");
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo(link);
        assertThat(label(robot, "#receiveMessage")).isEqualTo(fixture.messages.get("wallet.receive.copied.request"));
        robot.interact(
                () -> robot.lookup("#requestAmount").queryAs(TextField.class).setText("12,5"));
        assertThat(label(robot, "#requestError")).isEqualTo(fixture.messages.get("wallet.send.amount.invalid"));
        assertThat(robot.lookup("#address")
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText())
                .isEqualTo("cas:" + first + "?message=%E5%8D%88%E9%A4%90%20lunch");
        robot.interact(() -> {
            robot.lookup("#requestAmount").queryAs(TextField.class).setText("");
            robot.lookup("#requestMessage").queryAs(TextField.class).setText("");
        });
        assertThat(robot.lookup("#address")
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText())
                .isEqualTo(first);

        // from the pool derived ahead: no password asked
        robot.clickOn("#newAddress");
        String second = HdWallet.fromMnemonic(
                        Mnemonic.parse(DevnetAccounts.MNEMONIC, WordList.load(Language.ENGLISH)), "")
                .address(0, 1)
                .encode(Network.DEVNET);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#address")
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText()
                        .equals(second));
        assertThat(wallet.addresses()).hasSize(2);
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();

        robot.interact(
                () -> robot.lookup("#addressLabel").queryAs(TextField.class).setText("储蓄"));
        robot.clickOn("#saveLabel");
        assertThat(wallet.book().addressLabels())
                .containsEntry(wallet.receivingAddressProperty().get(), "储蓄");
    }

    @Test
    @DisplayName(
            "the transactions table lists the history, filters it, edits a label, and exports it in Chinese as CSV with a BOM")
    void transactionsAndCsv(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> wallet.syncedProperty().get());
        robot.clickOn("#nav-transactions");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        WalletEntry genesis = wallet.history().get(0);
        assertThat(genesis.kind()).isEqualTo(WalletEntry.Kind.RECEIVED);

        robot.doubleClickOn(robot.lookup(".table-row-cell")
                .nth(0)
                .lookup(".table-cell")
                .nth(6) // the label column
                .queryAs(javafx.scene.Node.class));
        robot.write("Genesis").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> "Genesis".equals(wallet.book().transactionLabels().get(genesis.id())));

        // the selected row's details: its id to copy, its block and confirmations
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#details").query().isVisible()).isTrue();
        assertThat(robot.lookup("#detailId").queryAs(TextField.class).getText())
                .isEqualTo(genesis.id().hex());
        assertThat(label(robot, "#detailBlock")).startsWith("Block 0 · ").endsWith(" confirmations");
        assertThat(label(robot, "#detailCounterparties"))
                .isEqualTo(fixture.messages.get("wallet.details.noCounterparty"));
        robot.clickOn("#copyId");
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo(genesis.id().hex());

        robot.interact(() -> robot.lookup("#filter").queryAs(TextField.class).setText("nothing like this"));
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("#details").query().isVisible())
                .as("nothing selected")
                .isFalse();
        robot.interact(() -> robot.lookup("#filter").queryAs(TextField.class).setText("genesis"));
        assertThat(table.getItems()).hasSize(1);

        robot.interact(() -> wallet.book().labelTransaction(genesis.id(), "创世分配"));
        robot.interact(() -> fixture.messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED));
        Path csv = dir.resolve("导出-" + System.nanoTime() + ".csv");
        WaitForAsyncUtils.asyncFx(() -> transactions.export(csv)).get().get(10, TimeUnit.SECONDS);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines =
                new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("时间,类型,金额（CAS）");
        assertThat(lines.get(1))
                .contains(",收款,100000000,")
                .contains(",创世分配,")
                .endsWith(genesis.id().hex());
    }

    @Test
    @DisplayName("a contact saved in the address book is offered on Send and fills in the address")
    void addressBook(FxRobot robot) throws Exception {
        robot.clickOn("#nav-addressBook");
        String address = WalletFixture.otherAddress(45);
        robot.interact(() -> {
            robot.lookup("#name").queryAs(TextField.class).setText("王小明");
            robot.lookup("#address").queryAs(TextField.class).setText(address.substring(0, address.length() - 1) + "x");
        });
        assertThat(label(robot, "#addressError")).isNotEmpty();
        robot.clickOn("#save");
        assertThat(wallet.book().contacts()).isEmpty();
        robot.interact(() -> robot.lookup("#address").queryAs(TextField.class).setText(address));
        robot.clickOn("#save");
        assertThat(wallet.book().contacts()).extracting(Contact::name).containsExactly("王小明");

        robot.clickOn("#nav-send");
        robot.interact(() -> robot.lookup("#contactPick")
                .<ComboBox<Contact>>query()
                .getSelectionModel()
                .select(0));
        assertThat(robot.lookup("#to").queryAs(TextField.class).getText()).isEqualTo(address);
        assertThat(label(robot, "#toHint")).isEqualTo("Address book: 王小明");
    }

    @Test
    @DisplayName("switching to 简体中文 changes the visible text of the wallet screens without a restart")
    void switchesLanguage(FxRobot robot) {
        robot.clickOn("#nav-send");
        assertThat(robot.lookup("#review").queryAs(Button.class).getText()).isEqualTo("Review…");
        robot.interact(() -> fixture.messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED));
        assertThat(robot.lookup("#nav-send").queryAs(ToggleButton.class).getText())
                .isEqualTo("发送");
        assertThat(robot.lookup("#review").queryAs(Button.class).getText()).isEqualTo("核对…");
        assertThat(robot.lookup("#max").queryAs(ToggleButton.class).getText()).isEqualTo("全部");
        robot.clickOn("#nav-overview");
        assertThat(robot.lookup(".title-2").queryAs(Label.class).getText()).isEqualTo("概览");
    }
}
