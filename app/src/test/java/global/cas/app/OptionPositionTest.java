package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options of {@code cas} stand before or after the subcommand alike: {@code cas --datadir D status}
 * is {@code cas status --datadir D}; an option the subcommand does not take, or one given twice with
 * two values, is refused with a reason instead of silently ignored.
 */
@Timeout(120)
class OptionPositionTest {
    @TempDir
    static Path dir;

    static RunningNode node;
    static String first;

    @BeforeAll
    static void startNodeWithTheDataFolderBeforeTheCommand() throws Exception {
        node = RunningNode.startWith(
                dir, "--datadir", dir.toString(), "node", "--rpc-port", "0", "--block-interval-ms", "100");
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "pw\n", StandardCharsets.UTF_8);
        CasCli.Result created = CasCli.run(
                "--datadir",
                dir.toString(),
                "--wallet",
                "mine.wallet",
                "wallet",
                "create",
                "--password-file",
                pw.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Matcher m = Pattern.compile("First address: (dcas1\\S+)").matcher(created.out());
        assertThat(m.find()).isTrue();
        first = m.group(1);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static String folder() {
        return dir.toAbsolutePath().normalize().toString();
    }

    @Test
    void statusFindsTheNodeWithTheDataFolderBeforeOrAfterTheCommand() {
        CasCli.Result before = CasCli.run("--datadir", dir.toString(), "status");
        CasCli.Result after = CasCli.run("status", "--datadir", dir.toString());
        for (CasCli.Result r : new CasCli.Result[] {before, after}) {
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("data       " + folder(), "validator  yes");
        }
        assertThat(node.outSoFar()).contains("data folder " + folder());
    }

    @Test
    void aWalletCommandTakesDataFolderAndWalletBeforeOrAfterIt() {
        CasCli.Result before =
                CasCli.run("--datadir", dir.toString(), "--wallet", "mine.wallet", "wallet", "addresses");
        CasCli.Result mixed = CasCli.run("--wallet", "mine.wallet", "wallet", "addresses", "--datadir", dir.toString());
        CasCli.Result after = CasCli.run("wallet", "addresses", "--datadir", dir.toString(), "--wallet", "mine.wallet");
        for (CasCli.Result r : new CasCli.Result[] {before, mixed, after}) {
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().lines().toList()).containsExactly(first + "  account 0 (Main), index 0");
        }
    }

    @Test
    void theNetworkBeforeTheCommandIsTheOneChecked() {
        CasCli.Result r = CasCli.run("--network", "testnet", "--datadir", dir.toString(), "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines())
                .containsExactly("error: WRONG_NETWORK: The node on " + folder()
                        + " runs devnet, not testnet (use --network devnet).");
    }

    @Test
    void theSameValueTwiceIsAcceptedButTwoValuesAreRefusedWithAReason() {
        CasCli.Result same = CasCli.run("--datadir", dir.toString(), "status", "--datadir", dir + "/.");
        assertThat(same.exitCode()).as(same.toString()).isZero();

        CasCli.Result two = CasCli.run("--datadir", dir.toString(), "status", "--datadir", "/tmp/elsewhere");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.errLines())
                .containsExactly("error: USAGE: --datadir was given twice with different values, '" + dir
                        + "' (with 'cas') and '/tmp/elsewhere' (with 'cas status'); give it once"
                        + " (see 'cas status --help').");
        assertThat(two.out()).isEmpty();

        CasCli.Result wallets = CasCli.run(
                "--wallet", "a.wallet", "wallet", "addresses", "--wallet", "b.wallet", "--datadir", dir.toString());
        assertThat(wallets.exitCode()).isEqualTo(2);
        assertThat(wallets.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: --wallet was given twice with different values, 'a.wallet' (with 'cas')"
                        + " and 'b.wallet' (with 'cas wallet addresses')");
    }

    @Test
    void anOptionTheCommandDoesNotTakeIsRefusedNotIgnored() {
        CasCli.Result headless = CasCli.run("--headless", "status", "--datadir", dir.toString());
        assertThat(headless.exitCode()).isEqualTo(2);
        assertThat(headless.errLines())
                .containsExactly("error: USAGE: --headless does not apply to 'cas status'; give it only with a command"
                        + " that takes it (see 'cas status --help').");

        CasCli.Result port = CasCli.run("--rpc-port", "0", "--datadir", dir.toString(), "wallet", "addresses");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: --rpc-port does not apply to 'cas wallet addresses'");
    }

    @Test
    void helpStillWorksWithOptionsBeforeIt() {
        CasCli.Result help = CasCli.run("--datadir", dir.toString(), "status", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: cas status");
    }
}
