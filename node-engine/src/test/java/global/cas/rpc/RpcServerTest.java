package global.cas.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.MiningProof;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.node.query.MiningWork;
import global.cas.rejection.Reason;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-RPC server against a real node (H2 store, 100 ms blocks) on a temporary data folder. */
class RpcServerTest {
    private static final Network NET = Network.DEVNET;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static Node node;
    static RpcServer server;
    static RpcClient client;
    static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        NodeConfig config = new NodeConfig(dataDir, TestChain.params(), Optional.of(TestChain.validator()), 1000, 100);
        node = Node.start(config, H2ChainStore::open);
        server = RpcServer.start(node, dataDir, 0);
        client = RpcClient.forDataDir(dataDir);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        http.close();
        server.close();
        node.close();
    }

    private static String text(Address a) {
        return a.encode(NET);
    }

    private static HttpResponse<String> post(String body, Optional<String> authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(a -> b.header("Authorization", a));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token() throws IOException {
        return RpcFiles.readToken(dataDir).orElseThrow();
    }

    private static JsonNode postAuthorized(String body) throws Exception {
        HttpResponse<String> r = post(body, Optional.of("Bearer " + token()));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void writesThePortFileAndAnOwnerOnlyTokenOf64HexDigits() throws IOException {
        assertThat(RpcFiles.readPort(dataDir)).contains(server.port());
        assertThat(token()).matches("[0-9a-f]{64}");
        if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve(RpcFiles.TOKEN_FILE))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aRestartKeepsTheTokenAndCloseRemovesThePortFile(@TempDir Path other) throws IOException {
        NodeConfig config = new NodeConfig(other, TestChain.params(), Optional.empty(), 1000, 100);
        try (Node second = Node.start(config, H2ChainStore::open)) {
            RpcServer first = RpcServer.start(second, other, 0);
            String token = RpcFiles.readToken(other).orElseThrow();
            first.close();
            assertThat(other.resolve(RpcFiles.PORT_FILE)).doesNotExist();
            try (RpcServer again = RpcServer.start(second, other, 0)) {
                assertThat(RpcFiles.readToken(other)).contains(token);
                assertThat(RpcFiles.readPort(other)).contains(again.port());
            }
        }
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws Exception {
        // the server socket is bound to 127.0.0.1: the port is closed on every other address
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress addr : Collections.list(nic.getInetAddresses())) {
                if (!addr.isLoopbackAddress() && addr instanceof Inet4Address) {
                    others.add(addr);
                }
            }
        }
        for (InetAddress other : others) {
            assertThatThrownBy(() -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(other, server.port()), 1000);
                        }
                    })
                    .as("port open on " + other)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aMissingOrWrongTokenIsHttp401WithReasonUnauthorized() throws Exception {
        for (Optional<String> auth :
                List.of(Optional.<String>empty(), Optional.of("Bearer " + "0".repeat(64)), Optional.of(token()))) {
            HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"}", auth);
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode err = JSON.readTree(r.body()).get("error");
            assertThat(err.get("code").asInt()).isEqualTo(RpcException.UNAUTHORIZED);
            assertThat(err.at("/data/reason").asText()).isEqualTo("UNAUTHORIZED");
        }
        try (RpcClient wrong = new RpcClient(server.port(), "f".repeat(64))) {
            RpcException e = catchThrowableOfType(RpcException.class, () -> wrong.call("chain_info"));
            assertThat(e.reasonCode()).contains(Reason.UNAUTHORIZED);
        }
    }

    @Test
    void chainInfoDescribesTheTip() {
        JsonNode info = client.call("chain_info");
        assertThat(info.get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
        assertThat(info.get("network").asText()).isEqualTo("devnet");
        assertThat(info.get("localOnly").asBoolean()).isTrue();
        assertThat(info.get("genesisHash").asText()).matches("[0-9a-f]{64}");
        assertThat(info.get("height").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(info.get("tipHash").asText()).matches("[0-9a-f]{64}");
        assertThat(info.get("stateRoot").asText()).matches("[0-9a-f]{64}");
        assertThat(info.get("target").asText()).matches("[0-9a-f]{16}");
        assertThat(info.get("tipTime").asLong()).isPositive();
        assertThat(info.get("frozenRemaining").asLong()).isPositive();
        assertThat(info.get("minFeePerByte").asLong()).isEqualTo(TestChain.MIN_FEE_PER_BYTE);
        assertThat(info.get("validator").asBoolean()).isTrue();
    }

    @Test
    void chainBlockFindsABlockByHeightOrHashAndSaysNotFoundOtherwise() throws InterruptedException {
        JsonNode byHeight = client.call("chain_block", Map.of("height", 0));
        assertThat(byHeight.get("height").asLong()).isZero();
        assertThat(byHeight.get("transactions")).isEmpty();
        String hash = byHeight.get("hash").asText();
        assertThat(client.call("chain_block", Map.of("hash", hash))
                        .get("height")
                        .asLong())
                .isZero();
        assertThat(client.call("chain_block", List.of("0")).get("hash").asText())
                .isEqualTo(hash);
        assertThat(client.call("chain_block", Map.of("block", hash))
                        .get("height")
                        .asLong())
                .isZero();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (node.tip().height() < 1) {
            assertThat(System.nanoTime()).as("block 1 not made").isLessThan(deadline);
            Thread.sleep(10);
        }
        JsonNode one = client.call("chain_block", Map.of("height", 1));
        assertThat(one.get("proposer").asText())
                .isEqualTo(text(TestChain.validator().address()));
        assertThat(one.get("previousHash").asText()).isEqualTo(hash);

        RpcException missing = catchThrowableOfType(
                RpcException.class, () -> client.call("chain_block", Map.of("height", 1_000_000_000L)));
        assertThat(missing.code()).isEqualTo(RpcException.NOT_FOUND);
        assertThat(missing.reason()).isEqualTo("NOT_FOUND");
        RpcException both = catchThrowableOfType(
                RpcException.class, () -> client.call("chain_block", Map.of("height", 0, "hash", hash)));
        assertThat(both.code()).isEqualTo(RpcException.INVALID_PARAMS);
    }

    @Test
    void addressBalanceGivesBaseUnitsAndCas() {
        JsonNode b = client.call(
                "address_balance", Map.of("address", text(TestChain.funded(3).address())));
        assertThat(b.get("balance").asLong()).isEqualTo(Amounts.cas(100_000_000L));
        assertThat(b.get("balanceCas").asText()).isEqualTo("100000000");
        assertThat(b.get("asset").asText()).isEqualTo("CAS");
        JsonNode empty =
                client.call("address_balance", List.of(text(TestKeys.key(99).address()), "CAS"));
        assertThat(empty.get("balance").asLong()).isZero();
    }

    @Test
    void aMistypedAddressIsInvalidParamsWithReasonBadAddressChecksum() {
        String good = text(TestChain.funded(3).address());
        char last = good.charAt(good.length() - 1);
        String typo = good.substring(0, good.length() - 1) + (last == 'q' ? 'p' : 'q');
        RpcException e =
                catchThrowableOfType(RpcException.class, () -> client.call("address_balance", Map.of("address", typo)));
        assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(e.reason()).isEqualTo("BAD_ADDRESS_CHECKSUM");
        assertThat(e.detail()).contains("typo");
        String testnet = TestChain.funded(3).address().encode(Network.TESTNET);
        assertThat(catchThrowableOfType(
                                RpcException.class, () -> client.call("address_outputs", Map.of("address", testnet)))
                        .reason())
                .isEqualTo("WRONG_NETWORK");
    }

    @Test
    void addressOutputsListsOutputsThatReadBackExactly() {
        Address owner = TestChain.funded(4).address();
        JsonNode r = client.call("address_outputs", Map.of("address", text(owner)));
        List<UnspentOutput> read = new ArrayList<>();
        r.get("outputs").forEach(o -> read.add(RpcJson.readOutput(o, NET)));
        assertThat(read).isEqualTo(node.spendableOutputs(owner)).hasSize(1);
        assertThat(r.at("/outputs/0/amountCas").asText()).isEqualTo("100000000");
    }

    @Test
    void aTransferSentWithTxSendIsCommittedAndShownByChainTransaction() throws Exception {
        KeyPair from = TestChain.funded(5);
        Address to = TestKeys.key(50).address();
        List<UnspentOutput> coins = new ArrayList<>();
        client.call("address_outputs", Map.of("address", text(from.address())))
                .get("outputs")
                .forEach(o -> coins.add(RpcJson.readOutput(o, NET)));
        long height = client.call("chain_info").get("height").asLong();
        Transaction t = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                .pay(
                        coins,
                        Map.of(from.address(), from),
                        List.of(new TxOutput(to, AssetId.CAS, Amounts.cas(12))),
                        from.address(),
                        height + 100);

        JsonNode sent = client.call("tx_send", Map.of("raw", Bytes.hex(t.encoded())));
        assertThat(sent.get("id").asText()).isEqualTo(t.id().hex());

        JsonNode tx = waitCommitted(t.id());
        assertThat(tx.get("height").asLong()).isGreaterThan(height);
        assertThat(tx.get("raw").asText()).isEqualTo(Bytes.hex(t.encoded()));
        assertThat(tx.at("/transaction/kind").asText()).isEqualTo("transfer");
        assertThat(tx.at("/transaction/outputs/0/address").asText()).isEqualTo(text(to));
        assertThat(tx.at("/transaction/outputs/0/amountCas").asText()).isEqualTo("12");
        assertThat(tx.at("/transaction/fee").asLong()).isEqualTo(t.fee());
        JsonNode block =
                client.call("chain_block", Map.of("height", tx.get("height").asLong()));
        assertThat(block.get("transactions").toString()).contains(t.id().hex());
        assertThat(client.call("address_balance", Map.of("address", text(to)))
                        .get("balance")
                        .asLong())
                .isEqualTo(Amounts.cas(12));

        // the mempool lets the transfer go just after the tip moves on
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (node.pendingTransaction(t.id()).isPresent()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(1);
        }
        RpcException again =
                catchThrowableOfType(RpcException.class, () -> client.call("tx_send", List.of(Bytes.hex(t.encoded()))));
        assertThat(again.code()).isEqualTo(RpcException.REJECTED);
        assertThat(again.reason()).isEqualTo("UNKNOWN_OUTPUT");
    }

    private static Transaction transfer(KeyPair from, long cas) {
        List<UnspentOutput> coins = new ArrayList<>();
        client.call("address_outputs", Map.of("address", text(from.address())))
                .get("outputs")
                .forEach(o -> coins.add(RpcJson.readOutput(o, NET)));
        long height = client.call("chain_info").get("height").asLong();
        return new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                .pay(
                        coins.subList(0, 1),
                        Map.of(from.address(), from),
                        List.of(new TxOutput(TestKeys.key(51).address(), AssetId.CAS, Amounts.cas(cas))),
                        from.address(),
                        height + 100);
    }

    private static String sendCall(int id, String raw) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tx_send\",\"params\":{\"raw\":\"" + raw + "\"}}";
    }

    @Test
    void theTxSendCallsOfABatchAreAdmittedTogetherInOrderEachAnsweredAsAlone() throws Exception {
        Transaction a = transfer(TestChain.funded(6), 3);
        Transaction b = transfer(TestChain.funded(7), 4);
        Transaction rival = transfer(TestChain.funded(6), 5); // spends a's coin: the later one is refused
        JsonNode answers = postAuthorized("["
                + sendCall(1, Bytes.hex(a.encoded())) + ","
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"chain_info\"},"
                + sendCall(3, "zz") + ","
                + sendCall(4, Bytes.hex(rival.encoded())) + ","
                + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tx_send\",\"params\":{}},"
                + sendCall(6, Bytes.hex(a.encoded())) + ","
                + "{\"jsonrpc\":\"2.0\",\"method\":\"tx_send\",\"params\":{\"raw\":\"" + Bytes.hex(b.encoded())
                + "\"}}," // a notification: admitted, not answered
                + sendCall(7, "01") + "]");
        assertThat(answers).hasSize(7);
        assertThat(answers.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(answers.get(0).at("/result/id").asText()).isEqualTo(a.id().hex());
        assertThat(answers.get(1).at("/result/chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
        assertThat(answers.get(2).at("/error/code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(answers.get(2).at("/error/data/reason").asText()).isEqualTo("MALFORMED");
        assertThat(answers.get(3).at("/error/code").asInt()).isEqualTo(RpcException.REJECTED);
        assertThat(answers.get(3).at("/error/data/reason").asText()).isEqualTo("DOUBLE_SPEND");
        assertThat(answers.get(4).at("/error/code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(answers.get(5).get("id").asInt()).isEqualTo(6);
        assertThat(answers.get(5).at("/error/data/reason").asText()).isEqualTo("DUPLICATE_TRANSACTION");
        assertThat(answers.get(6).get("id").asInt()).isEqualTo(7);
        assertThat(answers.get(6).at("/error/code").asInt()).isEqualTo(RpcException.REJECTED);
        assertThat(answers.get(6).at("/error/data/reason").asText()).isEqualTo("TRUNCATED");
        // a is admitted (the one its rival lost to) and b, sent as a notification, too
        waitCommitted(a.id());
        waitCommitted(b.id());
    }

    private static JsonNode waitCommitted(Hash id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonNode tx = client.call("chain_transaction", Map.of("id", id.hex()));
            if (tx.get("status").asText().equals("committed")) {
                return tx;
            }
            assertThat(tx.get("status").asText()).isEqualTo("pending");
            assertThat(System.currentTimeMillis()).as("committed within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void malformedTransactionBytesAreRefusedWithReasonMalformed() {
        RpcException notHex =
                catchThrowableOfType(RpcException.class, () -> client.call("tx_send", Map.of("raw", "zz")));
        assertThat(notHex.code()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(notHex.reason()).isEqualTo("MALFORMED");
        RpcException unknownKind =
                catchThrowableOfType(RpcException.class, () -> client.call("tx_send", Map.of("raw", "00")));
        assertThat(unknownKind.code()).isEqualTo(RpcException.REJECTED);
        assertThat(unknownKind.reason()).isEqualTo("MALFORMED");
        RpcException truncated =
                catchThrowableOfType(RpcException.class, () -> client.call("tx_send", Map.of("raw", "01")));
        assertThat(truncated.reason()).isEqualTo("TRUNCATED");
    }

    @Test
    void chainTransactionOfAnUnknownIdIsNotFound() {
        RpcException e = catchThrowableOfType(
                RpcException.class, () -> client.call("chain_transaction", Map.of("id", "ab".repeat(32))));
        assertThat(e.code()).isEqualTo(RpcException.NOT_FOUND);
        assertThat(e.reason()).isEqualTo("NOT_FOUND");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "C4: evidence_list pages the recorded double signs: none on a chain of one honest"
                    + " validator; a cursor of another method is invalid params")
    void evidenceListIsEmptyWithoutDoubleSignsAndRefusesAForeignCursor() {
        JsonNode r = client.call("evidence_list", Map.of("limit", 5));
        assertThat(r.get("evidence")).isEmpty();
        assertThat(r.get("next").isNull()).isTrue();
        assertThat(r.get("pending").asInt()).isZero();
        assertThat(client.call("chain_block", Map.of("height", 1))
                        .get("evidenceCount")
                        .asInt())
                .isZero();
        String foreign = Cursor.encode(Cursor.BLOCK_TRANSACTIONS, 1);
        RpcException e =
                catchThrowableOfType(RpcException.class, () -> client.call("evidence_list", Map.of("cursor", foreign)));
        assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(e.reason()).isEqualTo("MALFORMED");
    }

    @Test
    void mempoolInfoGivesSizeBytesAndCapacity() {
        JsonNode m = client.call("mempool_info");
        assertThat(m.get("size").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(m.get("bytes").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(m.get("capacity").asInt()).isEqualTo(1000);
    }

    @Test
    void S5_aProofMinedFromMiningWorkIsAcceptedByTxSend() {
        Address miner = TestKeys.key(60).address();
        for (int attempt = 0; attempt < 50; attempt++) {
            MiningWork w = RpcJson.readWork(client.call("mining_work"));
            assertThat(w.chainId()).isEqualTo(TestChain.CHAIN_ID);
            long nonce = 0;
            while (!MiningProof.meets(MiningProof.workHash(w.previousBlock(), miner, nonce), w.target())) {
                nonce++;
            }
            Transaction p =
                    MiningProof.transaction(w.chainId(), w.height(), w.previousBlock(), miner, nonce, w.proofFee());
            try {
                assertThat(client.call("tx_send", Map.of("raw", Bytes.hex(p.encoded())))
                                .get("id")
                                .asText())
                        .isEqualTo(p.id().hex());
                return;
            } catch (RpcException e) {
                // blocks came between mining_work and tx_send (one: STALE_PROOF, more: EXPIRED), or another test's
                // proof took this block
                assertThat(e.reason()).isIn("STALE_PROOF", "DUPLICATE_PROOF", "EXPIRED");
            }
        }
        throw new AssertionError("no proof accepted in 50 blocks");
    }

    @Test
    void badRequestsGetStandardErrorsAndTheServerKeepsAnswering() throws Exception {
        assertThat(postAuthorized("{not json").at("/error/code").asInt()).isEqualTo(RpcException.PARSE_ERROR);
        assertThat(postAuthorized("{not json").at("/error/data/reason").asText())
                .isEqualTo("MALFORMED");
        assertThat(postAuthorized("").at("/error/code").asInt()).isEqualTo(RpcException.PARSE_ERROR);
        assertThat(postAuthorized("42").at("/error/code").asInt()).isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(postAuthorized("[]").at("/error/code").asInt()).isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(postAuthorized("{\"id\":1,\"method\":\"chain_info\"}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(postAuthorized("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"chain_info\"}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(RpcException.INVALID_REQUEST);
        JsonNode unknown = postAuthorized("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"nope\"}");
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(RpcException.METHOD_NOT_FOUND);
        assertThat(unknown.at("/error/data/reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknown.get("id").asText()).isEqualTo("x");
        JsonNode badParam = postAuthorized(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"address_balance\",\"params\":{\"adress\":\"x\"}}");
        assertThat(badParam.at("/error/code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(postAuthorized(
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"address_balance\",\"params\":{\"address\":7}}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(postAuthorized("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"chain_block\",\"params\":[-1]}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(postAuthorized("[".repeat(5000) + "]".repeat(5000))
                        .at("/error/code")
                        .asInt())
                .isEqualTo(RpcException.PARSE_ERROR);

        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .header("Authorization", "Bearer " + token())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> huge = post("\"" + "a".repeat(1 << 21) + "\"", Optional.of("Bearer " + token()));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(client.call("chain_info").get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
    }

    @Test
    void batchesAnswerEachRequestAndNotificationsGetNoAnswer() throws Exception {
        JsonNode batch = postAuthorized(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mempool_info\"},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"chain_info\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
        assertThat(batch.isArray()).isTrue();
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0).has("result")).isTrue();
        assertThat(batch.get(1).at("/error/code").asInt()).isEqualTo(RpcException.METHOD_NOT_FOUND);
        HttpResponse<String> note =
                post("{\"jsonrpc\":\"2.0\",\"method\":\"chain_info\"}", Optional.of("Bearer " + token()));
        assertThat(note.statusCode()).isEqualTo(204);
    }

    @Test
    void aClientOnAFolderWithoutNodeSaysNodeNotRunning(@TempDir Path empty) throws IOException {
        RpcException e = catchThrowableOfType(RpcException.class, () -> RpcClient.forDataDir(empty));
        assertThat(e.reason()).isEqualTo(RpcException.NODE_NOT_RUNNING);
        Files.writeString(empty.resolve(RpcFiles.PORT_FILE), "1\n", StandardCharsets.US_ASCII);
        Files.writeString(empty.resolve(RpcFiles.TOKEN_FILE), "a".repeat(64), StandardCharsets.US_ASCII);
        try (RpcClient stale = RpcClient.forDataDir(empty)) {
            assertThat(catchThrowableOfType(RpcException.class, () -> stale.call("chain_info"))
                            .reason())
                    .isEqualTo(RpcException.NODE_NOT_RUNNING);
        }
    }

    /** The app replaces a taken default port and refuses a taken chosen one on exactly this signal. */
    @Test
    void aTakenPortIsRefusedWithBindExceptionAndLeavesThePortFileAlone(@TempDir Path other) throws IOException {
        assertThatThrownBy(() -> RpcServer.start(node, other, server.port()))
                .isInstanceOf(java.net.BindException.class);
        assertThat(other.resolve(RpcFiles.PORT_FILE)).doesNotExist();
        assertThat(RpcFiles.readPort(dataDir)).contains(server.port());
    }
}
