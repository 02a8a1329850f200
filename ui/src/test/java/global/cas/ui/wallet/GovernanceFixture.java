package global.cas.ui.wallet;

import global.cas.chain.ChainParams;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.GovernanceAction;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.params.GovernanceParams;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.ui.governance.GovernanceController;
import global.cas.ui.governance.GovernanceModel;
import global.cas.ui.shell.MainWindow;
import global.cas.ui.shell.Screen;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the governance screen tests share: a real node whose genesis starts now with the given
 * governance values and committee, the screen in a window on the devnet wallet, actions signed
 * by other holders, the password prompt answered, and bounded waits for chain time.
 */
final class GovernanceFixture {
    private GovernanceFixture() {}

    /** A node in {@code dir} whose genesis is now (whole seconds), with {@code governance} and {@code committee}. */
    static Node startNode(Path dir, long genesis, GovernanceParams governance, List<Address> committee) {
        ChainParams p = WalletFixture.params()
                .withGenesisTime(genesis)
                .withTransitionalCommittee(committee)
                .withGovernance(governance);
        return Node.start(
                new NodeConfig(dir.resolve("node"), p, Optional.of(TestChain.validator()), 1000, 100),
                H2ChainStore::open);
    }

    /** Shows the governance screen of {@code wallet} in {@code stage}, closing any dialog a failed test left open. */
    static GovernanceModel show(Stage stage, WalletFixture fixture, WalletModel wallet, int width, int height) {
        for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        GovernanceModel model = new GovernanceModel(wallet);
        var loader = fixture.loader(wallet, type -> {
            if (type == GovernanceController.class) {
                return new GovernanceController(model, fixture.messages);
            }
            throw new IllegalArgumentException(type.getName());
        });
        MainWindow window = new MainWindow(
                loader,
                fixture.nodeModel,
                List.of(new Screen(
                        "governance",
                        "nav.governance",
                        "/global/cas/ui/governance/governance.fxml",
                        KeyCombination.keyCombination("Shortcut+9"))));
        stage.setScene(new Scene(window.root(), width, height));
        stage.show();
        return model;
    }

    /** {@code a} signed by {@code k} and submitted to {@code node} (its fee from k's outputs). */
    static void act(Node node, KeyPair k, GovernanceAction a) throws Exception {
        var tip = node.tipSummary();
        var tx = new TransferBuilder(tip.chainId(), tip.minFeePerByte())
                .act(node.spendableOutputs(k.address()), k, a, 0, tip.height() + 100);
        node.submit(tx).get(10, TimeUnit.SECONDS);
    }

    static void waitForChainTime(Node node, long t) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> node.tipSummary().time() >= t);
    }

    /** Answers the password prompt with the wallet's password. */
    static void password(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#promptPassword").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#promptPassword").queryAs(PasswordField.class).setText(WalletFixture.PASSWORD));
        WalletFixture.reveal(robot, "#promptOk");
        robot.clickOn("#promptOk");
    }
}
