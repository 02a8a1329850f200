package global.cas.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.Await;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPC's answer limits and paging against a real node, on an address that holds thousands of
 * outputs (three transfers of 999 outputs each): no request can make the node build an answer
 * without bound.
 */
class RpcLimitsTest {
    private static final Network NET = Network.DEVNET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OUTPUTS_PER_TRANSFER = 999;
    private static final Address MANY = TestKeys.key(70).address();

    @TempDir
    static Path dataDir;

    static Node node;
    static RpcServer server;
    static RpcClient client;
    static HttpClient http;
    static List<Transaction> fundings = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        NodeConfig config = new NodeConfig(dataDir, TestChain.params(), Optional.of(TestChain.validator()), 1000, 100);
        node = Node.start(config, H2ChainStore::open);
        server = RpcServer.start(node, dataDir, 0);
        client = RpcClient.forDataDir(dataDir);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 1; i <= 3; i++) {
            KeyPair from = TestChain.funded(i);
            List<TxOutput> outs = new ArrayList<>();
            for (int k = 0; k < OUTPUTS_PER_TRANSFER; k++) {
                outs.add(new TxOutput(MANY, AssetId.CAS, Amounts.cas(1)));
            }
            Transaction t = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                    .pay(
                            node.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            outs,
                            from.address(),
                            node.tip().height() + 1000);
            node.submit(t).get();
            fundings.add(t);
        }
        Await.until(
                Duration.ofSeconds(30),
                "the funding transfers are committed",
                () -> node.unspentOutputs(MANY).size() == 3 * OUTPUTS_PER_TRANSFER);
    }

    @AfterAll
    static void stop() {
        client.close();
        http.close();
        server.close();
        node.close();
    }

    private static JsonNode post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("Authorization", "Bearer " + RpcFiles.readToken(dataDir).orElseThrow())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String batch(int calls, String params) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < calls; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(i)
                    .append(",\"method\":\"address_outputs\",\"params\":")
                    .append(params)
                    .append('}');
        }
        return b.append(']').toString();
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void aBatchOfThousandsOfListCallsIsRefusedWithBatchTooLargeAndTheHeapStaysBounded() throws Exception {
        String body = batch(7000, "{\"address\":\"" + MANY.encode(NET) + "\"}");
        assertThat(body.length()).isBetween(800_000, RpcLimits.defaults().maxBodyBytes());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);

        JsonNode answer = post(body);

        long after = usedHeapAfterGc(memory);
        assertThat(answer.isObject()).as("one error for the whole batch").isTrue();
        assertThat(answer.at("/error/code").asInt()).isEqualTo(RpcException.LIMIT_EXCEEDED);
        assertThat(answer.at("/error/data/reason").asText()).isEqualTo(RpcException.BATCH_TOO_LARGE);
        assertThat(answer.at("/error/message").asText()).contains("at most 100 calls", "7000", "'next' cursor");
        // generous: the old server's answer to this batch was gigabytes
        assertThat(after - before).as("heap growth in bytes").isLessThan(256L << 20);
        assertThat(client.call("chain_info").get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
    }

    @Test
    void aBodyPastTheLimitIs413WithReasonOversizeWithOrWithoutExpectContinue() throws Exception {
        for (boolean expectContinue : new boolean[] {false, true}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                    .header(
                            "Authorization",
                            "Bearer " + RpcFiles.readToken(dataDir).orElseThrow())
                    .expectContinue(expectContinue)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("\"" + "a".repeat(2 << 20) + "\""))
                    .build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("expect continue: " + expectContinue).isEqualTo(413);
            JsonNode error = JSON.readTree(r.body()).get("error");
            assertThat(error.at("/data/reason").asText()).isEqualTo("OVERSIZE");
            assertThat(error.get("message").asText()).contains(String.valueOf(1 << 20));
        }
        assertThat(client.call("chain_info").get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
    }

    @Test
    void aBatchWhoseAnswerWouldPassTheResponseLimitIsRefusedWithResponseTooLarge() throws Exception {
        JsonNode answer = post(batch(100, "{\"address\":\"" + MANY.encode(NET) + "\",\"limit\":1000}"));
        assertThat(answer.isObject()).isTrue();
        assertThat(answer.at("/error/code").asInt()).isEqualTo(RpcException.LIMIT_EXCEEDED);
        assertThat(answer.at("/error/data/reason").asText()).isEqualTo(RpcException.RESPONSE_TOO_LARGE);
        assertThat(answer.at("/error/message").asText()).contains(String.valueOf(4 << 20), "'limit'");

        JsonNode pages = post(batch(100, "{\"address\":\"" + MANY.encode(NET) + "\"}"));
        assertThat(pages.isArray()).isTrue();
        assertThat(pages).hasSize(100);
        assertThat(pages.get(99).at("/result/outputs")).hasSize(100);
        assertThat(client.call("chain_info").get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
    }

    @Test
    void addressOutputsPagesThroughEveryOutputOnceOldestFirst() {
        JsonNode first = client.call("address_outputs", Map.of("address", MANY.encode(NET)));
        assertThat(first.get("outputs")).hasSize(RpcLimits.defaults().defaultPageSize());
        assertThat(first.get("next").isTextual()).isTrue();

        for (boolean spendableOnly : new boolean[] {true, false}) {
            List<UnspentOutput> read = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                Map<String, Object> params = new java.util.HashMap<>(
                        Map.of("address", MANY.encode(NET), "limit", 700, "spendableOnly", spendableOnly));
                cursor.ifPresent(c -> params.put("cursor", c));
                JsonNode page = client.call("address_outputs", params);
                page.get("outputs").forEach(o -> read.add(RpcJson.readOutput(o, NET)));
                cursor = page.get("next").isNull()
                        ? Optional.empty()
                        : Optional.of(page.get("next").asText());
                pages++;
            } while (cursor.isPresent());
            assertThat(pages).isEqualTo(5);
            assertThat(read).isEqualTo(node.unspentOutputs(MANY)).hasSize(3 * OUTPUTS_PER_TRANSFER);
            assertThat(read).isSortedAccordingTo(java.util.Comparator.comparingLong(UnspentOutput::storageId));
        }
        List<JsonNode> all =
                client.callAll("address_outputs", Map.of("address", MANY.encode(NET), "limit", 1000), "outputs");
        assertThat(all).hasSize(3 * OUTPUTS_PER_TRANSFER);
    }

    @Test
    void aLimitAboveTheMaximumOrAForeignCursorIsInvalidParams() {
        RpcException tooMany = catchThrowableOfType(
                RpcException.class,
                () -> client.call("address_outputs", Map.of("address", MANY.encode(NET), "limit", 1001)));
        assertThat(tooMany.code()).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(tooMany.detail()).contains("1 to 1000");
        RpcException zero = catchThrowableOfType(
                RpcException.class,
                () -> client.call("address_outputs", Map.of("address", MANY.encode(NET), "limit", 0)));
        assertThat(zero.code()).isEqualTo(RpcException.INVALID_PARAMS);
        for (String bad : List.of("nonsense!", Cursor.encode(Cursor.BLOCK_TRANSACTIONS, 3), "")) {
            RpcException e = catchThrowableOfType(
                    RpcException.class,
                    () -> client.call("address_outputs", Map.of("address", MANY.encode(NET), "cursor", bad)));
            assertThat(e.code()).as(bad).isEqualTo(RpcException.INVALID_PARAMS);
            assertThat(e.reason()).isEqualTo("MALFORMED");
            assertThat(e.detail()).contains("'next'");
        }
    }

    @Test
    void chainBlockPagesThroughTheIdsOfItsTransactions() throws IOException {
        long height = node.findTransaction(fundings.get(0).id())
                .orElseThrow()
                .committed()
                .orElseThrow()
                .height();
        JsonNode whole = client.call("chain_block", Map.of("height", height));
        assertThat(whole.get("next").isNull()).isTrue();
        Set<String> ids = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        whole.get("transactions").forEach(t -> inOrder.add(t.asText()));
        List<String> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("height", height, "limit", 1));
            cursor.ifPresent(c -> params.put("cursor", c));
            JsonNode page = client.call("chain_block", params);
            assertThat(page.get("transactionCount").asInt()).isEqualTo(inOrder.size());
            page.get("transactions").forEach(t -> paged.add(t.asText()));
            cursor = page.get("next").isNull()
                    ? Optional.empty()
                    : Optional.of(page.get("next").asText());
        } while (cursor.isPresent());
        assertThat(paged).isEqualTo(inOrder);
        ids.addAll(paged);
        assertThat(ids).contains(fundings.get(0).id().hex());
    }
}
