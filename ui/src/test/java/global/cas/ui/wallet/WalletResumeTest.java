package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.node.Node;
import global.cas.wallet.ScanCheckpoint;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.WalletData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * Opening a wallet again continues its history from the checkpoint it saved on close, when that
 * checkpoint belongs to the node's chain, and scans from genesis when it does not. A marker entry
 * planted in the saved checkpoint shows which of the two happened.
 */
@ExtendWith(ApplicationExtension.class)
class WalletResumeTest {
    @TempDir
    static Path dir;

    private static Node node;
    private WalletFixture fixture;

    private static final WalletEntry MARKER = new WalletEntry(
            Hash.sha256("planted".getBytes(StandardCharsets.UTF_8)), 0, 0, WalletEntry.Kind.RECEIVED, 1, 0, List.of());

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
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private WalletModel open(FxRobot robot, Function<WalletFixture, WalletModel> how) throws Exception {
        WalletModel[] w = new WalletModel[1];
        robot.interact(() -> w[0] = how.apply(fixture));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> w[0].syncedProperty().get());
        return w[0];
    }

    private static List<WalletEntry> history(FxRobot robot, WalletModel w) {
        List<WalletEntry> out = new ArrayList<>();
        robot.interact(() -> out.addAll(w.history()));
        return out;
    }

    /** Replaces the saved checkpoint by one with the marker appended and, optionally, another block hash. */
    private ScanCheckpoint plant(Path file, boolean wrongHash) {
        try (WalletData data = fixture.data(file)) {
            ScanCheckpoint saved = data.scanCheckpoint().orElseThrow();
            List<WalletEntry> entries = new ArrayList<>(saved.entries());
            entries.add(MARKER);
            ScanCheckpoint planted = new ScanCheckpoint(
                    saved.height(),
                    wrongHash ? Hash.sha256(new byte[] {9}) : saved.blockHash(),
                    saved.addresses(),
                    saved.used(),
                    saved.owned(),
                    entries);
            data.saveScanCheckpoint(planted, saved.entries().size());
            return saved;
        }
    }

    @Test
    @DisplayName("a reopened wallet continues from its saved history; one saved for another chain is scanned again")
    void resumesOnlyOnTheSameChain(FxRobot robot) throws Exception {
        WalletModel first = open(robot, WalletFixture::devnetWallet);
        Path file = first.path();
        long seen = first.scannedHeightProperty().get();
        List<WalletEntry> before = history(robot, first);
        assertThat(before).anyMatch(e -> e.height() == 0 && e.kind() == WalletEntry.Kind.RECEIVED);
        first.shutdown().get(10, TimeUnit.SECONDS);

        ScanCheckpoint saved = plant(file, false);
        assertThat(saved.height()).as("saved on close").isGreaterThanOrEqualTo(seen);
        assertThat(saved.entries()).isEqualTo(before.reversed());
        WalletModel again = open(robot, f -> f.reopen(file));
        assertThat(history(robot, again)).as("continued from the checkpoint").contains(MARKER);
        again.shutdown().get(10, TimeUnit.SECONDS);

        plant(file, true);
        WalletModel rescanned = open(robot, f -> f.reopen(file));
        List<WalletEntry> fresh = history(robot, rescanned);
        assertThat(fresh).as("scanned from genesis").doesNotContain(MARKER);
        assertThat(fresh).containsAll(before);
        long balance = rescanned.balanceProperty().get();
        assertThat(fresh.stream().mapToLong(WalletEntry::net).sum()).isEqualTo(balance);
    }

    @Test
    @DisplayName(
            "a wallet restored from words finds a payment made to its sixth address before, and offers its first unused address")
    void restoredWalletFindsEarlierPayments(FxRobot robot) throws Exception {
        var devnet = new global.cas.wallet.keys.DevnetAccounts();
        global.cas.crypto.Address sixth = devnet.faucetKey(5).address();
        var payer = global.cas.testing.TestChain.funded(2);
        var tx = global.cas.testing.TestChain.pay(
                payer,
                node.spendableOutputs(payer.address()).get(0),
                sixth,
                global.cas.ledger.Amounts.cas(3),
                node.tip().height() + 1_000);
        node.submit(tx).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (node.transaction(tx.id()).isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }

        WalletModel restored = open(robot, WalletFixture::restoredDevnetWallet);
        List<WalletEntry> found = history(robot, restored);
        assertThat(found)
                .anyMatch(e -> e.id().equals(tx.id())
                        && e.kind() == WalletEntry.Kind.RECEIVED
                        && e.net() == global.cas.ledger.Amounts.cas(3));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> restored.balanceProperty().get() == WalletFixture.FUNDS + global.cas.ledger.Amounts.cas(3));
        // addresses 0 (genesis) and 5 are used: the first unused is the second
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> restored.receivingAddressProperty().get())
                        .get())
                .isEqualTo(devnet.faucetKey(1).address());
    }

    private global.cas.crypto.Hash pay(global.cas.crypto.Address to, long amount, int payerKey) throws Exception {
        var payer = global.cas.testing.TestChain.funded(payerKey);
        var tx = global.cas.testing.TestChain.pay(
                payer,
                node.spendableOutputs(payer.address()).get(0),
                to,
                amount,
                node.tip().height() + 1_000);
        node.submit(tx).join();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> node.transaction(tx.id()).isPresent());
        return tx.id();
    }

    @Test
    @DisplayName("the history scan watches the pool derived ahead: a payment to an address not handed out yet is"
            + " found by a new wallet, and a restored wallet finds one beyond its first twenty addresses")
    void poolIsWatched(FxRobot robot) throws Exception {
        var keys = global.cas.wallet.keys.HdWallet.fromMnemonic(
                global.cas.wallet.keys.Mnemonic.parse(
                        global.cas.wallet.keys.DevnetAccounts.MNEMONIC,
                        global.cas.wallet.keys.WordList.load(global.cas.wallet.keys.Language.ENGLISH)),
                "");
        var seventh = pay(keys.address(0, 7), global.cas.ledger.Amounts.cas(2), 3);
        var thirtieth = pay(keys.address(0, 30), global.cas.ledger.Amounts.cas(5), 4);

        WalletModel created = open(robot, WalletFixture::devnetWallet);
        assertThat(created.addresses()).as("handed out").hasSize(1);
        assertThat(history(robot, created))
                .anyMatch(e -> e.id().equals(seventh) && e.net() == global.cas.ledger.Amounts.cas(2));

        WalletModel restored = open(robot, WalletFixture::restoredDevnetWallet);
        assertThat(history(robot, restored))
                .anyMatch(e -> e.id().equals(seventh))
                .anyMatch(e -> e.id().equals(thirtieth) && e.net() == global.cas.ledger.Amounts.cas(5));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> restored.balanceProperty().get() >= WalletFixture.FUNDS + global.cas.ledger.Amounts.cas(7));
    }
}
