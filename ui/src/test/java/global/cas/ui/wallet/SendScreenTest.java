package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.node.Node;
import global.cas.rejection.Reason;
import global.cas.ui.node.MiningModel;
import global.cas.ui.shell.ViewLoader;
import global.cas.wallet.WalletEntry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
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
 * The send screen of a wallet holding the devnet phrase's coins, beside the overview of a second,
 * empty wallet, against a real node making 100 ms blocks (S6: transfers with change and fee).
 */
@ExtendWith(ApplicationExtension.class)
class SendScreenTest {
    @TempDir
    static Path dir;

    private static Node node;

    private WalletFixture fixture;
    private WalletModel payer;
    private WalletModel payee;

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
        payer = fixture.devnetWallet();
        payee = fixture.newWallet();
        ViewLoader loader = new ViewLoader(fixture.messages, type -> {
            if (type == SendController.class) {
                return new SendController(payer, fixture.messages);
            }
            if (type == OverviewController.class) {
                return new OverviewController(payee, fixture.messages);
            }
            throw new IllegalArgumentException(type.getName());
        });
        HBox both = new HBox(
                loader.load("/global/cas/ui/wallet/send.fxml").root(),
                loader.load("/global/cas/ui/wallet/overview.fxml").root());
        stage.setScene(new Scene(both, 1260, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private void synced() throws Exception {
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> payer.syncedProperty().get() && payee.syncedProperty().get());
    }

    /** Transfers waiting in the mempool (a mining proof from another test may wait there too). */
    private static java.util.List<global.cas.ledger.Transaction> pendingTransfers() {
        return node.chain().mempool().candidates(Integer.MAX_VALUE).stream()
                .filter(t -> t.action() instanceof global.cas.ledger.Transfer)
                .toList();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void fill(FxRobot robot, String to, String amount) {
        robot.interact(() -> {
            robot.lookup("#to").queryAs(TextField.class).setText(to);
            robot.lookup("#amount").queryAs(TextField.class).setText(amount);
        });
    }

    private void reviewAndEnter(FxRobot robot, String password) throws Exception {
        robot.clickOn("#review");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#reviewConfirm").tryQuery().isPresent());
        robot.clickOn("#reviewConfirm");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptPassword").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(password));
        robot.clickOn("#promptOk");
    }

    @Test
    @DisplayName(
            "S6: sending 12.5 CAS moves it to the other wallet: both balances change, and the screen follows the transaction into a block")
    void sendsBetweenWallets(FxRobot robot) throws Exception {
        synced();
        long before = payer.balanceProperty().get();
        assertThat(before).isPositive();
        assertThat(payee.balanceProperty().get()).isZero();
        fill(robot, payee.receivingAddressProperty().get().encode(Network.DEVNET), "12.5");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#fee").startsWith("Fee: 0."));

        robot.clickOn("#review");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#reviewConfirm").tryQuery().isPresent());
        assertThat(text(robot, "#reviewAmount")).isEqualTo("12.5 CAS");
        assertThat(text(robot, "#reviewTo"))
                .isEqualTo(payee.receivingAddressProperty().get().encode(Network.DEVNET));
        robot.clickOn("#reviewConfirm");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptPassword").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(WalletFixture.PASSWORD));
        robot.clickOn("#promptOk");

        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> text(robot, "#txStatus").startsWith("Confirmed in block"));
        assertThat(robot.lookup("#txId").queryAs(TextField.class).getText()).hasSize(64);
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> payee.balanceProperty().get() == Amounts.parse("12.5"));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> text(robot, "#balance").equals("12.5 CAS"));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> !payer.history().isEmpty() && payer.history().get(0).kind() == WalletEntry.Kind.SENT);
        WalletEntry sent = payer.history().get(0);
        assertThat(sent.fee()).isPositive();
        assertThat(sent.net()).isEqualTo(-(Amounts.parse("12.5") + sent.fee()));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> payer.balanceProperty().get() == before + sent.net());
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> !payee.history().isEmpty() && payee.history().get(0).kind() == WalletEntry.Kind.RECEIVED);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> fixture.notified.stream()
                        .anyMatch(e -> e.kind() == WalletEntry.Kind.RECEIVED && e.net() == Amounts.parse("12.5")));
    }

    @Test
    @DisplayName(
            "a wrong wallet password is refused in place: the prompt stays open and asks again, and nothing is sent")
    void wrongPassword(FxRobot robot) throws Exception {
        synced();
        long spendable = payer.spendableProperty().get();
        fill(robot, WalletFixture.otherAddress(40), "1");
        reviewAndEnter(robot, "not the password");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !text(robot, "#promptError").isEmpty());
        assertThat(text(robot, "#promptError")).startsWith(fixture.messages.reason(Reason.WRONG_PASSWORD));
        assertThat(robot.lookup("#promptPassword").queryAs(PasswordField.class).getText())
                .as("cleared for another try")
                .isEmpty();
        assertThat(pendingTransfers()).as("nothing sent").isEmpty();
        robot.clickOn("#promptCancel");
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();
        assertThat(text(robot, "#sendError")).isEmpty();
        assertThat(pendingTransfers()).as("nothing sent").isEmpty();
        assertThat(payer.spendableProperty().get()).isEqualTo(spendable);
    }

    @Test
    @DisplayName("after a wrong password the right one, typed in the same prompt, sends the payment")
    void rightPasswordAfterWrongOne(FxRobot robot) throws Exception {
        synced();
        fill(robot, WalletFixture.otherAddress(46), "2");
        reviewAndEnter(robot, "not the password");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !text(robot, "#promptError").isEmpty());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(WalletFixture.PASSWORD));
        robot.clickOn("#promptOk");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#txId").queryAs(TextField.class).getText().isEmpty());
        assertThat(robot.lookup("#promptPassword").tryQuery()).isEmpty();
    }

    @Test
    @DisplayName("Enter in the amount field opens the review, which names the recipient by its address-book name")
    void enterReviewsWithContactName(FxRobot robot) throws Exception {
        synced();
        String to = WalletFixture.otherAddress(47);
        payer.book()
                .saveContact(new global.cas.wallet.data.Contact(
                        "房东 Landlord", global.cas.crypto.Address.parse(to, global.cas.crypto.Network.DEVNET)))
                .get(5, TimeUnit.SECONDS);
        fill(robot, to, "1");
        robot.clickOn("#amount").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#reviewConfirm").tryQuery().isPresent());
        assertThat(text(robot, "#reviewTo")).startsWith("房东 Landlord").contains(to);
        robot.clickOn("#reviewCancel");
    }

    @Test
    @DisplayName("a pasted cas: payment link fills in address and amount and shows its message; a bad one says why")
    void paymentLink(FxRobot robot) throws Exception {
        synced();
        String to = WalletFixture.otherAddress(45);
        robot.interact(() -> robot.lookup("#to")
                .queryAs(TextField.class)
                .setText("cas:" + to + "?amount=3.25&message=%E6%88%BF%E7%A7%9F"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#to").queryAs(TextField.class).getText()).isEqualTo(to);
        assertThat(robot.lookup("#amount").queryAs(TextField.class).getText()).isEqualTo("3.25");
        assertThat(text(robot, "#toError")).isEmpty();
        assertThat(text(robot, "#toHint")).isEqualTo(fixture.messages.get("wallet.send.fromRequest.message", "房租"));

        robot.interact(() -> robot.lookup("#to").queryAs(TextField.class).setText("cas:" + to + "?req-escrow=1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#toError")).isEqualTo(fixture.messages.reason(Reason.BAD_PAYMENT_REQUEST));
        robot.clickOn("#review");
        assertThat(robot.lookup("#reviewConfirm").tryQuery()).isEmpty();
    }

    @Test
    @DisplayName("a mistyped address is flagged by its checksum as it is typed, and Review goes no further")
    void badAddress(FxRobot robot) throws Exception {
        synced();
        String good = WalletFixture.otherAddress(41);
        String typo = good.substring(0, good.length() - 1) + (good.endsWith("q") ? "p" : "q");
        robot.clickOn("#to").write(typo.substring(0, 8));
        assertThat(text(robot, "#toError")).isNotEmpty();
        robot.interact(() -> robot.lookup("#to").queryAs(TextField.class).setText(typo));
        assertThat(text(robot, "#toError")).isEqualTo(fixture.messages.reason(Reason.BAD_ADDRESS_CHECKSUM));
        robot.interact(() -> robot.lookup("#amount").queryAs(TextField.class).setText("1"));
        robot.clickOn("#review");
        assertThat(text(robot, "#sendError")).isEqualTo(fixture.messages.get("wallet.send.fix"));
        assertThat(robot.lookup("#reviewConfirm").tryQuery()).isEmpty();
        robot.interact(() -> robot.lookup("#to").queryAs(TextField.class).setText(good));
        assertThat(text(robot, "#toError")).isEmpty();
    }

    @Test
    @DisplayName(
            "an amount above the balance is marked as typed, before Review, and a fee larger than the amount has its own message")
    void amountAndFee(FxRobot robot) throws Exception {
        synced();
        fill(robot, WalletFixture.otherAddress(42), "100000001");
        // marked as typed, before Review: the field and the line under it
        assertThat(text(robot, "#amountError"))
                .isEqualTo(fixture.messages.get(
                        "wallet.send.amount.tooMuch",
                        WalletText.cas(
                                fixture.messages, payer.spendableProperty().get())));
        assertThat(robot.lookup("#amount").queryAs(TextField.class).getStyleClass())
                .contains("field-invalid");
        robot.clickOn("#review");
        assertThat(text(robot, "#sendError")).isEqualTo(fixture.messages.get("wallet.send.fix"));
        assertThat(robot.lookup("#reviewConfirm").tryQuery()).isEmpty();
        // fixing the field clears the form's message and the mark
        robot.interact(() -> robot.lookup("#amount").queryAs(TextField.class).setText("1"));
        assertThat(text(robot, "#sendError")).isEmpty();
        assertThat(text(robot, "#amountError")).isEmpty();
        assertThat(robot.lookup("#amount").queryAs(TextField.class).getStyleClass())
                .doesNotContain("field-invalid");

        fill(robot, WalletFixture.otherAddress(42), "0.00000001");
        robot.clickOn("#review");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !text(robot, "#sendError").isEmpty());
        assertThat(text(robot, "#sendError"))
                .startsWith("The fee (0.")
                .contains("would be larger than the amount sent (0.00000001 CAS)");
        assertThat(robot.lookup("#reviewConfirm").tryQuery()).isEmpty();
        assertThat(pendingTransfers()).as("nothing sent").isEmpty();
    }

    @Test
    @DisplayName("the chosen fee rate's fee is shown, and Max fills in everything spendable less that fee")
    void feeAndMax(FxRobot robot) throws Exception {
        synced();
        fill(robot, WalletFixture.otherAddress(43), "1");
        // the quote comes from a background thread; until then the line says the fee is unknown
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#fee").endsWith("at 20 units per byte)"));
        robot.interact(() -> robot.lookup("#feeLevel")
                .<javafx.scene.control.ComboBox<FeeLevel>>query()
                .getSelectionModel()
                .select(FeeLevel.FAST));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#fee").endsWith("at 50 units per byte)"));
        robot.clickOn("#max");
        long spendable = payer.spendableProperty().get();
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#amount")
                        .queryAs(TextField.class)
                        .getText()
                        .equals("1"));
        long max =
                Amounts.parse(robot.lookup("#amount").queryAs(TextField.class).getText());
        assertThat(max).isLessThan(spendable).isGreaterThan(spendable - Amounts.parse("0.01"));
    }

    @Test
    @DisplayName(
            "S5: a block mined with the CPU to the wallet's address shows as MINED in its history and is announced")
    void minedReward(FxRobot robot) throws Exception {
        synced();
        MiningModel mining = new MiningModel(fixture.nodeModel);
        robot.interact(() -> mining.start(1, payee.receivingAddressProperty().get()));
        try {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> payee.history().stream().anyMatch(e -> e.kind() == WalletEntry.Kind.MINED));
        } finally {
            robot.interact(mining::stop);
        }
        // the history row and the announcement are made in one FX task, read here from the test thread
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> fixture.notified.stream().anyMatch(e -> e.kind() == WalletEntry.Kind.MINED && e.net() > 0));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> payee.balanceProperty().get() > 0);
    }
}
