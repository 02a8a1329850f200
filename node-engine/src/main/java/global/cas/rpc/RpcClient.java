package global.cas.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.rejection.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the JSON-RPC server of a node: {@link #forDataDir} finds it through the data folder's
 * {@code rpc.port} and {@code rpc.token}. {@link #call} returns the {@code result} or throws an
 * {@link RpcException} carrying the server's reason code and sentence; when no node answers it
 * throws one with reason {@value RpcException#NODE_NOT_RUNNING}. Thread-safe.
 */
public final class RpcClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI uri;
    private final String token;
    private final HttpClient http;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final AtomicLong ids = new AtomicLong();

    public RpcClient(int port, String token) {
        this("127.0.0.1", port, token);
    }

    /**
     * A client for the node at {@code host}:{@code port} (a name, an IPv4 address, or an IPv6
     * address with or without brackets), sending {@code token}.
     */
    public RpcClient(String host, int port, String token) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.uri = URI.create("http://" + h + ":" + port + "/");
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * A client for the node running on {@code dataDir}.
     *
     * @throws RpcException {@value RpcException#NODE_NOT_RUNNING} when the folder has no port or
     *     token file (no node was started on it, or it stopped)
     */
    public static RpcClient forDataDir(Path dataDir) {
        Optional<Integer> port;
        Optional<String> token;
        try {
            port = RpcFiles.readPort(dataDir);
            token = RpcFiles.readToken(dataDir);
        } catch (IOException e) {
            throw notRunning("Cannot read the RPC files in " + dataDir + ": " + e.getMessage() + ".");
        }
        if (port.isEmpty() || token.isEmpty()) {
            throw notRunning("No node is running with the data folder " + dataDir + " (start one with 'cas node').");
        }
        return new RpcClient(port.get(), token.get());
    }

    public int port() {
        return uri.getPort();
    }

    /** {@code host:port} as this client reaches it ({@code [v6]:port} for an IPv6 address). */
    public String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** Calls a method without parameters. */
    public JsonNode call(String method) {
        return call(method, Map.of());
    }

    /**
     * Calls {@code method} with named parameters (a {@link Map}, a {@link JsonNode} object, or a
     * list or array node for positional ones).
     *
     * @throws RpcException the server's error, or {@value RpcException#NODE_NOT_RUNNING}
     */
    public JsonNode call(String method, Object params) {
        ObjectNode req = mapper.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", ids.incrementAndGet());
        req.put("method", method);
        req.set("params", mapper.valueToTree(params));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(req)))
                    .build();
        } catch (IOException e) {
            throw new IllegalArgumentException("parameters of " + method + " do not convert to JSON", e);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 408) {
                // the server closed an idle kept-alive connection as this request went out, unread:
                // sent again, on a new connection (RFC 9110, 15.5.9)
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (ConnectException e) {
            throw notRunning("No node answers on " + address() + " (start one with 'cas node').");
        } catch (HttpTimeoutException e) {
            throw new RpcException(
                    RpcException.UNAVAILABLE,
                    RpcException.NODE_NOT_RUNNING,
                    "The node on " + address() + " did not answer in time.");
        } catch (IOException e) {
            throw notRunning("The node on " + address() + " could not be reached: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(
                    RpcException.UNAVAILABLE, RpcException.NODE_NOT_RUNNING, "Interrupted while waiting for the node.");
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new RpcException(
                    RpcException.UNAVAILABLE,
                    Reason.MALFORMED,
                    "The node on port " + port() + " answered HTTP " + response.statusCode() + " without JSON.");
        }
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) {
            JsonNode data = error.path("data");
            String reason = data.path("reason").asText(RpcException.INTERNAL_ERROR_REASON);
            String message = data.path("message").asText(error.path("message").asText("The node refused the call."));
            throw new RpcException(error.path("code").asInt(RpcException.INTERNAL_ERROR), reason, message);
        }
        JsonNode result = body.get("result");
        if (result == null) {
            throw new RpcException(
                    RpcException.UNAVAILABLE,
                    Reason.MALFORMED,
                    "The node's answer to " + method + " has neither result nor error.");
        }
        return result;
    }

    /**
     * Calls the list method {@code method} page after page, passing each page's {@code next} back
     * as {@code cursor} until it is {@code null}, and returns the items of every page's {@code
     * listField} in order. {@code params} may set {@code limit} (the page size).
     *
     * @throws RpcException the server's error on any page, or {@value RpcException#NODE_NOT_RUNNING}
     */
    public List<JsonNode> callAll(String method, Map<String, ?> params, String listField) {
        List<JsonNode> items = new ArrayList<>();
        Map<String, Object> page = new LinkedHashMap<>(params);
        while (true) {
            JsonNode result = call(method, page);
            result.path(listField).forEach(items::add);
            JsonNode next = result.path("next");
            if (!next.isTextual()) {
                return items;
            }
            page.put("cursor", next.asText());
        }
    }

    private static RpcException notRunning(String detail) {
        return new RpcException(RpcException.UNAVAILABLE, RpcException.NODE_NOT_RUNNING, detail);
    }

    @Override
    public void close() {
        http.close();
    }
}
