package global.cas.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.rpc.RpcFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON-RPC batches to one node (docs/rpc.md: up to 100 calls a body): the benchmark's way of
 * submitting and reading many things at once without one HTTP round trip each. Each answer is
 * the call's {@code result} or its {@code error} object, in the order of the calls. Thread-safe.
 */
final class BatchRpc implements AutoCloseable {
    /** Calls in one body at most (the server's default {@code RpcLimits}). */
    static final int MAX_CALLS = 100;

    private final URI uri;
    private final String token;
    private final HttpClient http;
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** One call's outcome: {@code result} when it succeeded, else {@code error}. */
    record Answer(JsonNode result, JsonNode error) {
        boolean ok() {
            return error == null;
        }

        /** The error's reason code (docs/rpc.md), or an empty string when the call succeeded. */
        String reason() {
            return error == null ? "" : error.path("data").path("reason").asText("UNKNOWN");
        }
    }

    BatchRpc(int port, String token) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/");
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static BatchRpc forDataDir(Path dataDir) throws IOException {
        int port = RpcFiles.readPort(dataDir).orElseThrow(() -> new IOException("no rpc.port in " + dataDir));
        String token = RpcFiles.readToken(dataDir).orElseThrow(() -> new IOException("no rpc.token in " + dataDir));
        return new BatchRpc(port, token);
    }

    /** One call; throws {@link IOException} when the node answers with an error. */
    JsonNode call(String method, Map<String, ?> params) throws IOException, InterruptedException {
        Answer a = batch(method, List.of(params)).get(0);
        if (!a.ok()) {
            throw new IOException(method + " failed: " + a.error());
        }
        return a.result();
    }

    /** Calls {@code method} once per entry of {@code params} (at most {@value #MAX_CALLS}) in one body. */
    List<Answer> batch(String method, List<? extends Map<String, ?>> params) throws IOException, InterruptedException {
        if (params.isEmpty() || params.size() > MAX_CALLS) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_CALLS + " calls, not " + params.size());
        }
        ArrayNode body = mapper.createArrayNode();
        for (int i = 0; i < params.size(); i++) {
            ObjectNode req = body.addObject();
            req.put("jsonrpc", "2.0");
            req.put("id", i);
            req.put("method", method);
            req.set("params", mapper.valueToTree(params.get(i)));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = mapper.readTree(response.body());
        if (!answer.isArray()) {
            throw new IOException(
                    "the node answered a batch of " + method + " with HTTP " + response.statusCode() + ": " + answer);
        }
        List<Answer> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            out.add(null);
        }
        for (JsonNode a : answer) {
            int id = a.path("id").asInt(-1);
            if (id < 0 || id >= params.size()) {
                throw new IOException("the node's batch answer names an unknown call: " + a);
            }
            JsonNode error = a.get("error");
            out.set(id, new Answer(a.path("result"), error != null && error.isObject() ? error : null));
        }
        if (out.contains(null)) {
            throw new IOException("the node's batch answer of " + method + " misses calls");
        }
        return out;
    }

    @Override
    public void close() {
        http.close();
    }
}
