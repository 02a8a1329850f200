package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.wallet.keys.DevnetAccounts;
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
 * {@code cas send}, {@code wallet balance}, {@code status}, {@code block}, {@code tx} and {@code
 * mine} against one devnet node (100 ms blocks) run in-process on a temporary data folder; the
 * devnet faucet wallet is restored from the public test phrase.
 */
@Timeout(60)
class SendCommandTest {
    @TempDir
    static Path dir;

    static RunningNode node;
    static Path password;
    static String faucet0;
    static String receiver;

    @BeforeAll
    static void startNodeAndWallets() throws Exception {
        node = RunningNode.start(dir);
        password = dir.resolve("password.txt");
        Files.writeString(password, "pw\n", StandardCharsets.UTF_8);
        faucet0 = new DevnetAccounts().faucetKey(0).address().encode(Network.DEVNET);
        CasCli.Result faucet = cas(
                "wallet",
                "restore",
                "--wallet",
                "faucet.wallet",
                "--password-file",
                password.toString(),
                "--words",
                DevnetAccounts.MNEMONIC);
        assertThat(faucet.exitCode()).as(faucet.toString()).isZero();
        CasCli.Result fresh = cas("wallet", "create", "--password-file", password.toString());
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        Matcher m = Pattern.compile("First address: (dcas1\\S+)").matcher(fresh.out());
        assertThat(m.find()).isTrue();
        receiver = m.group(1);
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }

    static CasCli.Result cas(String... args) {
        return CasCli.run(CasCli.concat(args, "--datadir", dir.toString()));
    }

    /** The total the balance command prints for a wallet, in base units. */
    private static long total(String... walletArgs) {
        String line = cas(CasCli.concat(new String[] {"wallet", "balance"}, walletArgs))
                .out()
                .lines()
                .filter(l -> l.startsWith("total  "))
                .findFirst()
                .orElseThrow();
        return global.cas.ledger.Amounts.parse(line.substring("total  ".length(), line.length() - " CAS".length()));
    }

    @Test
    void theRestoredDevnetFaucetPaysANewWalletAndItsBalanceShowsIt() {
        long faucetBefore = total("--wallet", "faucet.wallet");
        CasCli.Result sent = cas(
                "send",
                "--wallet",
                "faucet.wallet",
                "--password-file",
                password.toString(),
                "--to",
                receiver,
                "--amount",
                "1000.5",
                "--wait");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.err()).isEmpty();
        String[] lines = sent.out().lines().toArray(String[]::new);
        assertThat(lines).hasSize(2);
        String id = lines[0];
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(lines[1]).matches("committed at height \\d+");
        long height = Long.parseLong(lines[1].replaceAll("\\D", ""));

        CasCli.Result balance = cas("wallet", "balance");
        assertThat(balance.exitCode()).as(balance.toString()).isZero();
        assertThat(balance.out().lines().toList()).containsExactly(receiver + "  1000.5 CAS", "total  1000.5 CAS");

        CasCli.Result tx = cas("tx", id);
        assertThat(tx.exitCode()).as(tx.toString()).isZero();
        assertThat(tx.out())
                .contains("status      committed at height " + height)
                .contains(receiver + "  1000.5 CAS");
        CasCli.Result block = cas("block", Long.toString(height));
        assertThat(block.exitCode()).isZero();
        assertThat(block.out()).contains("  " + id);
        CasCli.Result json = cas("tx", id, "--json");
        assertThat(json.out()).contains("\"status\" : \"committed\"", "\"raw\"");

        long paid = faucetBefore - total("--wallet", "faucet.wallet");
        assertThat(paid).as("1000.5 CAS and a fee below 0.01").isBetween(100_050_000_001L, 100_051_000_000L);

        CasCli.Result back = cas("send", "--password-file", password.toString(), "--to", faucet0, "--max", "--wait");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(cas("wallet", "balance").out().lines().toList())
                .containsExactly(receiver + "  0 CAS", "total  0 CAS");
        CasCli.Result empty = cas("send", "--password-file", password.toString(), "--to", faucet0, "--amount", "1");
        assertThat(empty.errLines())
                .singleElement()
                .asString()
                .startsWith("error: INSUFFICIENT_FUNDS: The wallet can spend 0 CAS but this needs ");
    }

    @Test
    void aCasPaymentLinkGivesTheAddressAndTheAmount() {
        String payee = new DevnetAccounts().faucetKey(3).address().encode(Network.DEVNET);
        String[] base = {"send", "--wallet", "faucet.wallet", "--password-file", password.toString()};
        CasCli.Result sent = cas(CasCli.concat(base, "--to", "cas:" + payee + "?amount=7.25&message=rent", "--wait"));
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        String id = sent.out().lines().findFirst().orElseThrow();
        assertThat(cas("tx", id).out()).contains(payee + "  7.25 CAS");

        CasCli.Result refused = cas(CasCli.concat(base, "--to", "cas:" + payee + "?req-escrow=1"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines())
                .singleElement()
                .asString()
                .startsWith("error: BAD_PAYMENT_REQUEST: The link requires 'req-escrow'");
        CasCli.Result noAmount = cas(CasCli.concat(base, "--to", "cas:" + payee));
        assertThat(noAmount.errLines()).containsExactly("error: USAGE: Give either --amount <CAS> or --max.");
    }

    @Test
    void aMistypedAddressIsOneLineWithBadAddressChecksumAndNothingIsSent() {
        char last = receiver.charAt(receiver.length() - 1);
        String typo = receiver.substring(0, receiver.length() - 1) + (last == 'q' ? 'p' : 'q');
        CasCli.Result r = cas(
                "send",
                "--wallet",
                "faucet.wallet",
                "--password-file",
                password.toString(),
                "--to",
                typo,
                "--amount",
                "1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.errLines())
                .containsExactly("error: BAD_ADDRESS_CHECKSUM: The address has a typo: its checksum does not match.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void wrongInputGivesOneLineWithAReasonCode() {
        String[] base = {"send", "--wallet", "faucet.wallet", "--password-file", password.toString(), "--to", receiver};
        CasCli.Result amount = cas(CasCli.concat(base, "--amount", "1.123456789"));
        assertThat(amount.exitCode()).isEqualTo(1);
        assertThat(amount.errLines())
                .singleElement()
                .asString()
                .startsWith("error: MALFORMED: '1.123456789' is not an amount");

        CasCli.Result tooMuch = cas(CasCli.concat(base, "--amount", "4000000000"));
        assertThat(tooMuch.errLines()).singleElement().asString().startsWith("error: INSUFFICIENT_FUNDS: ");

        CasCli.Result both = cas(CasCli.concat(base, "--amount", "1", "--max"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).containsExactly("error: USAGE: Give either --amount <CAS> or --max.");

        CasCli.Result unknown = cas(CasCli.concat(base, "--amount", "1", "--colour", "red"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: Unknown options: '--colour', 'red'");

        Path wrong = dir.resolve("wrong.txt");
        CasCli.Result wrongPassword = CasCli.withInput("not-it\n")
                .execute(
                        "send",
                        "--datadir",
                        dir.toString(),
                        "--wallet",
                        "faucet.wallet",
                        "--password-stdin",
                        "--to",
                        receiver,
                        "--amount",
                        "1");
        assertThat(wrongPassword.exitCode()).isEqualTo(1);
        assertThat(wrongPassword.errLines()).containsExactly("error: WRONG_PASSWORD: The wallet password is wrong.");
        assertThat(wrong).doesNotExist();

        CasCli.Result otherNetwork = cas("status", "--network", "testnet");
        assertThat(otherNetwork.errLines())
                .containsExactly("error: WRONG_NETWORK: The node on "
                        + dir.toAbsolutePath().normalize() + " runs devnet, not testnet (use --network devnet).");
        CasCli.Result noBlock = cas("block", "99999999");
        assertThat(noBlock.errLines())
                .singleElement()
                .asString()
                .startsWith("error: NOT_FOUND: There is no block with height 99999999");
    }

    @Test
    void withoutARunningNodeCommandsSayNodeNotRunning(@TempDir Path empty) {
        for (String[] args : new String[][] {
            {"status"}, {"block", "1"}, {"tx", "ab".repeat(32)}, {"send", "--to", receiver, "--amount", "1"}
        }) {
            CasCli.Result r = CasCli.run(CasCli.concat(args, "--datadir", empty.toString()));
            if (args[0].equals("send")) {
                assertThat(r.errLines())
                        .singleElement()
                        .asString()
                        .startsWith("error: NOT_FOUND: There is no wallet file ");
            } else {
                assertThat(r.exitCode()).isEqualTo(1);
                assertThat(r.errLines())
                        .containsExactly("error: NODE_NOT_RUNNING: No node is running with the data folder "
                                + empty.toAbsolutePath().normalize() + "; start one with 'cas node --datadir "
                                + empty.toAbsolutePath().normalize() + "' (or open the window with 'cas --datadir "
                                + empty.toAbsolutePath().normalize() + "').");
            }
        }
    }

    @Test
    void statusShowsTheChainAndTheMempool() {
        CasCli.Result r = cas("status");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "validator  yes",
                        "mempool    ",
                        "data       " + dir.toAbsolutePath().normalize())
                .containsPattern("network    devnet \\(cas-devnet-1-[0-9a-f]{8}\\)")
                .containsPattern("genesis    [0-9a-f]{64}")
                .containsPattern("height     \\d+");
        assertThat(r.out().lines())
                .contains("Devnet: a chain of this computer only; other computers cannot see it or pay into it.");
        CasCli.Result json = cas("status", "--json");
        assertThat(json.out()).contains("\"chain\"", "\"mempool\"", "\"capacity\"", "\"localOnly\" : true");
    }

    @Test
    void S5_mineSubmitsProofsThatTheNodeAccepts() {
        String miner = new DevnetAccounts().faucetKey(9).address().encode(Network.DEVNET);
        CasCli.Result r = cas("mine", "--threads", "2", "--count", "2", "--address", miner);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("Mining for " + miner + " on 2 threads")
                .containsPattern("proofs? found, 2 accepted\\.");
        assertThat(r.out().lines().filter(l -> l.matches("proof for block \\d+ accepted .*")))
                .hasSize(2);
    }
}
