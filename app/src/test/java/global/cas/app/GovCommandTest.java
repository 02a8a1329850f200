package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Network;
import global.cas.wallet.keys.DevnetAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cas gov} end to end against one devnet node whose genesis starts now with one-second
 * governance days: a proposal posted, supported past 100,000,000 CAS into its referendum and passed;
 * a candidacy declared, a ballot cast, recounted, and its receipt saved and checked offline (a
 * tampered one refused). Waits are bounded by the test's timeout.
 */
@Timeout(120)
class GovCommandTest {
    @TempDir
    static Path dir;

    static RunningNode node;
    static Path password;
    static final String[] ADDRESS = new String[10];
    static long genesisMillis;
    static com.fasterxml.jackson.databind.JsonNode governance;

    @BeforeAll
    static void start() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode g =
                (ObjectNode) json.readTree(Files.readAllBytes(Path.of("..", "resources", "genesis", "devnet.json")));
        genesisMillis = System.currentTimeMillis() / 1000 * 1000;
        g.put("genesisTime", Instant.ofEpochMilli(genesisMillis).toString());
        ObjectNode gov = (ObjectNode) g.get("governance");
        governance = gov;
        gov.put("dayMillis", 1000).put("epochMillis", 1000).put("parameterDelayBlocks", 5);
        Path genesis = dir.resolve("genesis.json");
        Files.writeString(genesis, json.writeValueAsString(g));
        node = RunningNode.startWith(
                dir,
                "node",
                "--datadir",
                dir.toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--genesis",
                genesis.toString());
        password = dir.resolve("password.txt");
        Files.writeString(password, "pw\n", StandardCharsets.UTF_8);
        CasCli.Result restored =
                cas("wallet", "restore", "--password-file", password.toString(), "--words", DevnetAccounts.MNEMONIC);
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        DevnetAccounts accounts = new DevnetAccounts();
        for (int i = 0; i < 10; i++) {
            ADDRESS[i] = accounts.faucetKey(i).address().encode(Network.DEVNET);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static CasCli.Result cas(String... args) {
        return CasCli.run(CasCli.concat(args, "--datadir", dir.toString()));
    }

    /** Runs an action from wallet address {@code from} and waits until its transaction is committed. */
    static void act(int from, String... args) throws InterruptedException {
        String[] all = CasCli.concat(
                CasCli.concat(new String[] {"gov"}, args),
                "--from",
                ADDRESS[from],
                "--password-file",
                password.toString());
        CasCli.Result r = cas(all);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String id = r.out().trim();
        for (int i = 0; i < 600; i++) {
            if (cas("tx", id).out().contains("committed at height")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("transaction " + id + " was not committed");
    }

    static void waitUntil(long millis) throws InterruptedException {
        while (System.currentTimeMillis() < millis + 300) {
            Thread.sleep(50);
        }
    }

    @Test
    @DisplayName("G30–G35 on the command line: a proposal posted, supported into its referendum, voted and passed")
    void proposalToPassedReferendum() throws Exception {
        CasCli.Result posted = cas(
                "gov",
                "propose",
                "--title",
                "Open a faucet",
                "--text",
                "For testers.",
                "--days",
                "7",
                "--from",
                ADDRESS[5],
                "--password-file",
                password.toString());
        assertThat(posted.exitCode()).as(posted.toString()).isZero();
        String id = posted.out().trim();
        Matcher hex = Pattern.compile("[0-9a-f]{64}").matcher(id);
        assertThat(hex.matches()).as(id).isTrue();
        Thread.sleep(1500);
        act(6, "support", "--proposal", id);
        act(7, "support", "--proposal", id);
        String list = cas("gov", "proposals").out();
        assertThat(list).contains(id).contains("referendum");
        CasCli.Result bad = cas(
                "gov",
                "referendum",
                "--proposal",
                id,
                "--choice",
                "maybe",
                "--from",
                ADDRESS[8],
                "--password-file",
                password.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--choice is yes, no, abstain or withdraw");
        Thread.sleep(1500);
        act(8, "referendum", "--proposal", id, "--choice", "yes");
        act(9, "referendum", "--proposal", id, "--choice", "yes");
        assertThat(cas("gov", "recount", "referendum:" + id).out()).contains("The recount equals the running totals.");
        for (int i = 0; i < 200 && !cas("gov", "proposals").out().contains(id + "  passed"); i++) {
            Thread.sleep(100);
        }
        assertThat(cas("gov", "proposals").out()).contains(id + "  passed");
    }

    @Test
    @DisplayName("G4, G5, G38 on the command line: a candidacy, a ballot, a recount and a receipt checked offline")
    void candidacyBallotAndReceipt() throws Exception {
        CasCli.Result info = cas("gov", "info");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(info.out())
                .contains("election 1")
                .contains("committee (transitional, G9)")
                .contains(ADDRESS[0]);
        // election 1 closes one interval after genesis; nomination, then voting, just before it (1 s days)
        long close =
                genesisMillis + 1000L * governance.path("electionIntervalDays").asLong();
        long voting = close - 1000L * governance.path("votingDays").asLong();
        long nomination = voting - 1000L * governance.path("nominationDays").asLong();
        waitUntil(nomination);
        act(0, "declare", "--election", "1", "--name", "Alice", "--platform", "Faster blocks");
        waitUntil(voting);
        act(1, "vote", "--election", "1", "--share", ADDRESS[0] + "=10000");
        // a transitional member's internal vote on how the reserve's votes split (G11)
        act(0, "committee-split", "--election", "1", "--share", ADDRESS[0] + "=10000");
        assertThat(cas("gov", "election", "1").out()).contains("Alice");
        CasCli.Result recount = cas("gov", "recount", "election:1");
        assertThat(recount.out()).as(recount.toString()).contains("The recount equals the running totals.");
        Path receipt = dir.resolve("receipt.json");
        CasCli.Result saved = cas("gov", "receipt", "election:1", "--voter", ADDRESS[1], "--out", receipt.toString());
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        CasCli.Result verified = cas("gov", "verify-receipt", receipt.toString());
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("valid").contains("counts with weight");
        String text = Files.readString(receipt);
        Matcher ballot = Pattern.compile("\"ballot\" : \"([0-9a-f]+)\"").matcher(text);
        assertThat(ballot.find()).isTrue();
        String b = ballot.group(1);
        String forged = b.substring(0, b.length() - 2) + (b.endsWith("00") ? "01" : "00");
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, text.replace(b, forged));
        CasCli.Result refused = cas("gov", "verify-receipt", tampered.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("not genuine");
    }

    @Test
    @DisplayName(
            "G20 on the command line: a member asks the reserve for an operating cost, two more approve, it is paid;"
                    + " a non-member's request is refused with its reason")
    void reserveSpendApprovedAndPaid() throws Exception {
        // the members seated now: the transitional five, or those election 1 elected if it closed already
        CasCli.Result info = cas("gov", "info", "--json");
        List<Integer> members = new java.util.ArrayList<>();
        for (var seat : new ObjectMapper().readTree(info.out()).path("committee")) {
            if (seat.path("standing").asText().equals("active")) {
                members.add(java.util.Arrays.asList(ADDRESS)
                        .indexOf(seat.path("address").asText()));
            }
        }
        assertThat(members).as(info.toString()).isNotEmpty().doesNotContain(-1);
        CasCli.Result asked = cas(
                "gov",
                "reserve-spend",
                "--to",
                ADDRESS[9],
                "--amount",
                "2500",
                "--memo",
                "Seed node hosting",
                "--from",
                ADDRESS[members.get(0)],
                "--password-file",
                password.toString());
        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        String id = asked.out().trim();
        for (int i = 0; i < 600 && !cas("tx", id).out().contains("committed at height"); i++) {
            Thread.sleep(50);
        }
        int needed = members.size() / 2 + 1;
        if (needed > 1) {
            assertThat(cas("gov", "reserve").out())
                    .contains(id)
                    .contains("approved by 1 of " + members.size() + " seated");
        }
        for (int k = 1; k < needed; k++) {
            act(members.get(k), "approve-spend", "--spend", id);
        }
        CasCli.Result shown = cas("gov", "reserve");
        assertThat(shown.out()).as(shown.toString()).contains("paid at height").contains("Seed node hosting");
        int outsider = java.util.stream.IntStream.range(0, 9)
                .filter(i -> !members.contains(i))
                .findFirst()
                .orElseThrow();
        CasCli.Result refused = cas(
                "gov",
                "reserve-spend",
                "--to",
                ADDRESS[9],
                "--amount",
                "1",
                "--memo",
                "x",
                "--from",
                ADDRESS[outsider],
                "--password-file",
                password.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("NOT_MEMBER");
    }

    @Test
    @DisplayName("G8 on the command line: a send that would take a committee member below 10,000 CAS is refused with"
            + " SEAT_AT_RISK and nothing is sent, unless the sender accepts the loss")
    void sendRefusesToCostASeat() {
        CasCli.Result refused = cas("send", "--to", ADDRESS[9], "--max", "--password-file", password.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.err()).contains("SEAT_AT_RISK").contains("Nothing was sent");
    }
}
