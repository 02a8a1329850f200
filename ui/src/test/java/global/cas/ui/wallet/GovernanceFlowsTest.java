package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.node.Node;
import global.cas.node.query.GovernanceView;
import global.cas.params.GovernanceParams;
import global.cas.testing.TestKeys;
import global.cas.ui.governance.GovernanceModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * The governance flows a holder and a candidate go through on the desktop, against a real node
 * whose genesis starts now with one-second days: a candidacy registered through the campaign
 * wizard (a wrong password first), and a proposal posted through the form, supported past
 * 100,000 CAS so the committee's obligation appears, taken to a referendum, voted yes on the
 * screen and seen to pass at the close. Every wait is bounded.
 */
@ExtendWith(ApplicationExtension.class)
class GovernanceFlowsTest {
    @TempDir
    static Path dir;

    private static Node node;
    private static long genesis;

    private WalletFixture fixture;
    private GovernanceModel model;

    /** Election 1 closes 60 s after genesis, nomination from 2 s to 57 s; referendums of 7 s. */
    static final GovernanceParams SLOW_ELECTION = global.cas.testing.GovernanceChain.windows(1000, 60, 55, 3);

    @BeforeAll
    static void startNode() {
        genesis = System.currentTimeMillis() / 1000 * 1000;
        node = GovernanceFixture.startNode(
                dir,
                genesis,
                SLOW_ELECTION,
                List.of(TestKeys.key(2).address(), TestKeys.key(5).address()));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.of(node));
        model = GovernanceFixture.show(stage, fixture, fixture.devnetWallet(), 1200, 860);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static void act(KeyPair k, GovernanceAction a) throws Exception {
        GovernanceFixture.act(node, k, a);
    }

    private static void waitForChainTime(long t) throws Exception {
        GovernanceFixture.waitForChainTime(node, t);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void clickButton(FxRobot robot, String label) {
        Button b = robot.lookup(n -> n instanceof Button x && label.equals(x.getText()) && x.isVisible())
                .queryAs(Button.class);
        robot.clickOn(b);
    }

    private static void password(FxRobot robot) throws Exception {
        GovernanceFixture.password(robot);
    }

    @Test
    @DisplayName("G4: a candidacy registered through the campaign wizard (profile, 10,000 CAS check, preview, password)"
            + " is on the chain with its profile and shown as the voter's candidacy")
    void registerThroughTheWizard(FxRobot robot) throws Exception {
        waitForChainTime(genesis + 2_100);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#runButton").queryButton().isDisabled());
        assertThat(text(robot, "#candidacy"))
                .isEqualTo("You are not a candidate in this election. Nomination is open.");
        WalletFixture.reveal(robot, "#runButton");
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#campaign-name").tryQuery().isPresent());
        Button next = robot.lookup(n -> n instanceof Button x && "Next".equals(x.getText()))
                .queryAs(Button.class);
        assertThat(next.isDisabled()).as("no name yet").isTrue();
        robot.interact(() -> {
            robot.lookup("#campaign-name").queryAs(TextField.class).setText("Zhang Min");
            robot.lookup("#campaign-career").queryAs(TextArea.class).setText("Ran a payments network for 9 years");
            robot.lookup("#campaign-platform").queryAs(TextArea.class).setText("Open books for the reserve");
        });
        clickButton(robot, "Next");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> text(robot, "#campaign-check").contains("✓"));
        assertThat(text(robot, "#campaign-check")).startsWith("This address holds 100,000,000 CAS.");
        clickButton(robot, "Next");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> text(robot, "#campaign-preview").startsWith("Zhang Min"));
        assertThat(text(robot, "#campaign-preview"))
                .contains("Career: Ran a payments network for 9 years")
                .contains("Platform: Open books for the reserve")
                .contains("Fee: about");
        clickButton(robot, "Next");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#campaign-password").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#campaign-password").queryAs(PasswordField.class).setText("wrong one"));
        clickButton(robot, "Declare candidacy");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#campaign-error").contains("password is wrong"));
        assertThat(node.governance().election().candidates()).isEmpty();
        robot.interact(() ->
                robot.lookup("#campaign-password").queryAs(PasswordField.class).setText(WalletFixture.PASSWORD));
        clickButton(robot, "Declare candidacy");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> !node.governance().election().candidates().isEmpty());
        GovernanceView.Candidate c = node.governance().election().candidates().get(0);
        assertThat(c.address()).isEqualTo(WalletFixture.devnetAddress());
        assertThat(c.profile().platform()).isEqualTo("Open books for the reserve");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#candidacy").startsWith("Your candidacy: Zhang Min, standing, rank 1"));
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    @DisplayName(
            "G30, G33, G34, G35: a proposal posted through the form, supported past 100,000 CAS (the committee owes a"
                    + " response), past 100,000,000 (a referendum), voted yes on the screen, passes at the close")
    void supportAndPassAReferendum(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#newProposal").queryButton().isDisabled()
                        && node.tipSummary().height() > 0);
        WalletFixture.reveal(robot, "#proposalsTab");
        robot.clickOn("#proposalsTab");
        WalletFixture.reveal(robot, "#newProposal");
        robot.clickOn("#newProposal");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#proposal-title").tryQuery().isPresent());
        WalletFixture.reveal(robot, "#proposal-post");
        robot.clickOn("#proposal-post");
        assertThat(text(robot, "#proposal-form-error")).isEqualTo("A proposal needs a title.");
        robot.interact(() -> {
            robot.lookup("#proposal-title").queryAs(TextField.class).setText("Publish the reserve's accounts monthly");
            robot.lookup("#proposal-text").queryAs(TextArea.class).setText("Every month, on chain.");
        });
        WalletFixture.reveal(robot, "#proposal-post");
        robot.clickOn("#proposal-post");
        password(robot);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> !node.governance().proposals().isEmpty());
        Hash id = node.governance().proposals().get(0).id();
        // support opens at the next epoch boundary
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#details").query().isVisible()
                        && text(robot, "#dStage").startsWith("Gathering support")
                        && !robot.lookup("#support").queryButton().isDisabled());
        assertThat(text(robot, "#dResponse")).isEqualTo("The committee owes no response yet.");
        WalletFixture.reveal(robot, "#support");
        robot.clickOn("#support");
        password(robot);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> text(robot, "#dResponse").startsWith("The committee must respond by"));
        // another holder's support passes 100,000,000: the referendum opens by itself
        act(TestKeys.key(3), new ProposalSupport(id, false));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> text(robot, "#dStage").startsWith("The referendum is open")
                        && !robot.lookup("#yes").queryButton().isDisabled());
        WalletFixture.reveal(robot, "#yes");
        robot.clickOn("#yes");
        password(robot);
        act(TestKeys.key(4), new ReferendumBallot(id, 0));
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> node.referendumBallot(id, WalletFixture.devnetAddress()).isPresent());
        // the voter's receipt, saved while the referendum is open: its ballot and weight under a state root
        Path receipt = model.saveReceipt(global.cas.governance.VoteId.referendum(id), dir.resolve("receipt.json"))
                .get(10, TimeUnit.SECONDS);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(receipt.toFile());
        assertThat(json.path("decoded").path("choice").asText()).isEqualTo("yes");
        assertThat(json.path("voter").asText())
                .isEqualTo(WalletFixture.devnetAddress().encode(node.params().network()));
        assertThat(json.path("proof").asText()).isNotEmpty();
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> text(robot, "#dStage").equals("Passed: it is community law."));
        GovernanceView.Proposal p = node.governance().proposals().get(0);
        assertThat(p.stage()).isEqualTo("passed");
        assertThat(p.yes()).isGreaterThan(Amounts.cas(150_000_000));
    }
}
