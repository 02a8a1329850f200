package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.node.Node;
import global.cas.params.GovernanceParams;
import global.cas.testing.TestKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * The governance screen against a real node whose genesis starts now with one-second days: two
 * candidates declare, the devnet wallet casts a split ballot through the screen (password and
 * all), sees it counted, then changes it and sees the tally move.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GovernanceScreenTest {
    @TempDir
    static Path dir;

    private static Node node;
    private static long genesis;

    private WalletFixture fixture;
    private WalletModel wallet;

    /** Election 1 closes 12 s after genesis: nomination from 2 s, voting from 6 s. */
    static final GovernanceParams FAST = global.cas.testing.GovernanceChain.windows(1000, 12, 4, 6);

    @BeforeAll
    static void startNode() {
        genesis = System.currentTimeMillis() / 1000 * 1000;
        node = GovernanceFixture.startNode(
                dir,
                genesis,
                FAST,
                List.of(WalletFixture.devnetAddress(), TestKeys.key(2).address()));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Start
    void start(Stage stage) {
        fixture = new WalletFixture(dir, Optional.of(node));
        wallet = fixture.devnetWallet();
        GovernanceFixture.show(stage, fixture, wallet, 1200, 900);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static void declare(KeyPair k, String name) throws Exception {
        GovernanceFixture.act(
                node, k, new CandidacyDeclaration(1, new CandidacyDeclaration.Profile(name, "", "", "", "")));
    }

    private static void waitForChainTime(long t) throws Exception {
        GovernanceFixture.waitForChainTime(node, t);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void castThroughTheScreen(FxRobot robot, String first, String second) throws Exception {
        robot.interact(() -> {
            robot.lookup("#share-1").queryAs(TextField.class).setText(first);
            robot.lookup("#share-2").queryAs(TextField.class).setText(second);
        });
        WalletFixture.reveal(robot, "#cast");
        robot.clickOn("#cast");
        GovernanceFixture.password(robot);
    }

    @Test
    @DisplayName(
            "G5, G2: a split ballot cast on the screen is counted, shown back as the voter's, and a new one moves the tally")
    void castAndChangeASplitBallot(FxRobot robot) throws Exception {
        waitForChainTime(genesis + 2_000);
        declare(TestKeys.key(3), "Li Wei");
        declare(TestKeys.key(4), "Alice Chen");
        waitForChainTime(genesis + 6_100);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#share-2").tryQuery().isPresent()
                        && !robot.lookup("#cast").queryButton().isDisabled());
        assertThat(text(robot, "#countdown")).startsWith("Voting is open");
        castThroughTheScreen(robot, "60", "40");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#youVoted").startsWith("You voted: Li Wei 60%, Alice Chen 40%"));
        long w = node.electionBallot(1, WalletFixture.devnetAddress())
                .orElseThrow()
                .weight();
        var candidates = node.governance().election().candidates();
        assertThat(candidates.get(0).profile().name()).isEqualTo("Li Wei");
        assertThat(candidates.get(0).votes()).isEqualTo(w / 10_000 * 6_000 + (w % 10_000) * 6_000 / 10_000);
        assertThat(text(robot, "#weight")).startsWith("Your ballot counts");

        robot.interact(() -> robot.lookup("#share-1").queryAs(TextField.class).setText("50"));
        assertThat(text(robot, "#ballotError")).isEqualTo("The shares must add up to exactly 100%.");
        castThroughTheScreen(robot, "0", "100");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#youVoted").startsWith("You voted: Alice Chen 100%"));
        var after = node.governance().election().candidates();
        assertThat(after.get(0).profile().name()).isEqualTo("Alice Chen");
        assertThat(after.stream()
                        .filter(c -> c.profile().name().equals("Li Wei"))
                        .findFirst()
                        .orElseThrow()
                        .votes())
                .isZero();
    }

    @Test
    @DisplayName(
            "G8, G2: before a send that would leave a committee member below 10,000 CAS, the review says it loses its seat")
    void sendWarnsBeforeASeatIsLost() throws Exception {
        var request =
                SendRequest.max(TestKeys.key(9).address(), node.tipSummary().minFeePerByte());
        Quote q = wallet.quote(request).get(20, TimeUnit.SECONDS);
        assertThat(q.risks())
                .as("%s; committee %s", q, node.governance().committee())
                .extracting(StakeRisk::kind)
                .contains(StakeRisk.Kind.SEAT);
        StakeRisk seat = q.risks().stream()
                .filter(r -> r.kind() == StakeRisk.Kind.SEAT)
                .findFirst()
                .orElseThrow();
        assertThat(seat.address()).isEqualTo(WalletFixture.devnetAddress());
        assertThat(seat.after()).isLessThan(Amounts.cas(10_000));
        var small = SendRequest.amount(
                TestKeys.key(9).address(), Amounts.cas(1), node.tipSummary().minFeePerByte());
        assertThat(wallet.quote(small).get(20, TimeUnit.SECONDS).risks()).isEmpty();
    }
}
