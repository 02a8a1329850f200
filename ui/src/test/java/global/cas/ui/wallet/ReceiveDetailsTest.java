package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.node.Node;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.WalletEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

/**
 * What Receive and Transactions tell about each address and payment, against a real node: used or
 * never used, the balance of each address and account, the address's label carried to the payment
 * that arrived on it.
 */
@ExtendWith(ApplicationExtension.class)
class ReceiveDetailsTest {
    @TempDir
    static Path dir;

    private static Node node;
    private WalletFixture fixture;
    private WalletModel wallet;
    private MainWindow window;

    @BeforeAll
    static void startNode() {
        node = WalletFixture.startNode(dir);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.of(node));
        wallet = fixture.restoredDevnetWallet();
        var m = fixture.messages;
        ViewLoader loader = fixture.loader(wallet);
        window = new MainWindow(
                loader,
                fixture.nodeModel,
                WalletScreensTest.screens().stream()
                        .filter(s ->
                                List.of("overview", "receive", "transactions").contains(s.id()))
                        .toList());
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private static String cellText(FxRobot robot, int row) throws Exception {
        ListView<global.cas.crypto.Address> list = robot.lookup("#allAddresses").queryAs(ListView.class);
        return WaitForAsyncUtils.asyncFx(() -> {
                    ListCell<global.cas.crypto.Address> cell =
                            list.getCellFactory().call(list);
                    cell.updateListView(list);
                    cell.updateIndex(row);
                    return cell.getText();
                })
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("each address says whether it was used and what it holds; the account shows its balance")
    void usedAndBalancePerAddressAndAccount(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> wallet.syncedProperty().get());
        robot.clickOn("#nav-receive");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellText(robot, 0).contains("100,000,000 CAS"));
        String first = WalletFixture.devnetAddress().encode(Network.DEVNET);
        assertThat(cellText(robot, 0)).contains(first).contains(fixture.messages.get("wallet.receive.address.used"));
        assertThat(cellText(robot, 1))
                .contains(fixture.messages.get("wallet.receive.address.unused"))
                .contains("0 CAS");
        @SuppressWarnings("unchecked")
        ComboBox<global.cas.wallet.keys.AccountInfo> account =
                robot.lookup("#account").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> account.getConverter().toString(account.getValue()).endsWith("100,000,000 CAS"));
    }

    @Test
    @DisplayName("the label of the address a payment arrived on is the payment's label until it gets its own")
    void addressLabelCarriedToPayment(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> wallet.syncedProperty().get());
        WalletModel payee = WaitForAsyncUtils.asyncFx(() -> fixture.newWallet()).get(10, TimeUnit.SECONDS);
        global.cas.crypto.Address to = payee.addresses().get(0);
        payee.book().labelAddress(to, "Salary 工资").get(5, TimeUnit.SECONDS);
        long rate = node.params().minFeePerByte();
        WaitForAsyncUtils.asyncFx(() -> wallet.send(
                        SendRequest.amount(to, global.cas.ledger.Amounts.cas(5), rate),
                        WalletFixture.PASSWORD.toCharArray()))
                .get(10, TimeUnit.SECONDS)
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> !payee.history().isEmpty() && payee.history().get(0).kind() == WalletEntry.Kind.RECEIVED);
        WalletEntry received = payee.history().get(0);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> payee.activity().label(received))
                        .get()
                        .equals("Salary 工资"));
        payee.book().labelTransaction(received.id(), "March").get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> payee.activity().label(received))
                        .get()
                        .equals("March"));
    }
}
