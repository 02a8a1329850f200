package global.cas.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import global.cas.node.Node;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.ChainDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over HTTP for one node, on 127.0.0.1 only. Every request is an HTTP {@code POST}
 * with the header {@code Authorization: Bearer <token>}, the token being the content of {@code
 * <dataDir>/rpc.token} (created on first start, owner-only); without it the answer is HTTP 401 with
 * JSON-RPC error {@value RpcException#UNAUTHORIZED} and reason {@code UNAUTHORIZED}. The port the
 * server bound is written to {@code <dataDir>/rpc.port} and removed on {@link #close()}. Batches
 * (JSON arrays) and notifications (no {@code id}) work as JSON-RPC 2.0 says. Bodies above 1 MiB are
 * refused (HTTP 413, reason {@code OVERSIZE}).
 *
 * <p>Parameters may be given by name (an object) or by position (an array, in the order below).
 * Amounts are base units (1 CAS = 100,000,000), with a decimal CAS string beside them; hashes are
 * hex; addresses Bech32m text of the node's network; the target and nonces 16 hex digits.
 *
 * <table>
 *   <caption>Methods</caption>
 *   <tr><th>method</th><th>params</th><th>result</th></tr>
 *   <tr><td>{@code chain_info}</td><td>none</td>
 *       <td>{@code chainId, network, height, tipHash, tipTime} (ms), {@code stateRoot, target,
 *       frozenRemaining, frozenRemainingCas, minFeePerByte, validator} (true when this node
 *       produces blocks)</td></tr>
 *   <tr><td>{@code chain_block}</td><td>{@code height} or {@code hash}, or {@code block}: either
 *       </td><td>{@code height, hash, chainId, previousHash, time, proposer, proposerKey,
 *       transactionsRoot, stateRoot, transactionCount, transactions} (ids); {@code NOT_FOUND}
 *       when unknown</td></tr>
 *   <tr><td>{@code chain_transaction}</td><td>{@code id}</td>
 *       <td>{@code id, status} ({@code committed} with {@code height, index, blockHash}, or {@code
 *       pending}), {@code transaction} (decoded: {@code kind} {@code transfer} with {@code inputs,
 *       outputs, fee, witnesses}, or {@code mining_proof} with {@code previousBlock, miner,
 *       nonce, workHash}), {@code raw} (hex); {@code NOT_FOUND} when unknown</td></tr>
 *   <tr><td>{@code address_balance}</td><td>{@code address}, {@code asset} (optional: {@code CAS},
 *       {@code token:<hash>})</td><td>{@code address, asset, balance, balanceCas}</td></tr>
 *   <tr><td>{@code address_outputs}</td><td>{@code address}, {@code spendableOnly} (optional,
 *       default true: leave out outputs a pending transaction spends)</td>
 *       <td>{@code address, spendableOnly, outputs}: each {@code txId, index, address, asset,
 *       amount, amountCas, height, storageId}</td></tr>
 *   <tr><td>{@code tx_send}</td><td>{@code raw}: a signed transaction as hex</td>
 *       <td>{@code id}; a refusal is error {@value RpcException#REJECTED} with the node's
 *       reason ({@code MALFORMED}, {@code FEE_BELOW_MINIMUM}, {@code UNKNOWN_OUTPUT}...)</td></tr>
 *   <tr><td>{@code mempool_info}</td><td>none</td><td>{@code size, bytes, capacity}</td></tr>
 *   <tr><td>{@code mining_work}</td><td>none</td>
 *       <td>{@code chainId, height} (of the block the proof is for), {@code previousHash,
 *       target}</td></tr>
 * </table>
 *
 * <p>An error is {@code {"code": c, "message": sentence, "data": {"reason": CODE, "message":
 * sentence}}}: parse error {@value RpcException#PARSE_ERROR} and invalid request {@value
 * RpcException#INVALID_REQUEST} with reason {@code MALFORMED}, unknown method {@value
 * RpcException#METHOD_NOT_FOUND} with {@code NOT_FOUND}, invalid params {@value
 * RpcException#INVALID_PARAMS} with {@code MALFORMED} or the precise reason (a mistyped address is
 * {@code BAD_ADDRESS_CHECKSUM}), damaged chain data met while answering {@value
 * RpcException#CHAIN_DATA} with {@code CHAIN_DATA_DAMAGED}, and a bug {@value
 * RpcException#INTERNAL_ERROR} with {@code INTERNAL_ERROR}. No input stops the server.
 *
 * <p>Thread-safe: requests run on a small fixed pool; the node's query methods are thread-safe.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final int THREADS = 4;

    private final HttpServer http;
    private final ExecutorService pool;
    private final RpcMethods methods;
    private final JsonMapper mapper;
    private final byte[] expectedAuthorization;
    private final Path dataDir;
    private final int port;
    private boolean closed;

    private RpcServer(HttpServer http, ExecutorService pool, RpcMethods methods, String token, Path dataDir) {
        this.http = http;
        this.pool = pool;
        this.methods = methods;
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
        this.dataDir = dataDir;
        this.port = http.getAddress().getPort();
    }

    /**
     * Serves {@code node} on 127.0.0.1:{@code port} (0 picks a free port), creating the token file
     * if needed and writing the port file.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static RpcServer start(Node node, Path dataDir, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("an RPC port is 0 to 65535, got " + port);
        }
        String token = RpcFiles.loadOrCreateToken(dataDir, new SecureRandom());
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, port), 64);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
        RpcServer server = new RpcServer(http, pool, new RpcMethods(node), token, dataDir);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        http.start();
        try {
            RpcFiles.writePort(dataDir, server.port);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LOG.info("JSON-RPC listening on 127.0.0.1:{}", server.port);
        return server;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cas-rpc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            // Read the body before any answer, even a refusal: a response sent over an unread body
            // makes the server drop the connection, and a client that reuses it sees an empty reply.
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    ex.getResponseHeaders().add("Connection", "close");
                    send(
                            ex,
                            413,
                            error(
                                    NullNode.instance,
                                    RpcException.INVALID_REQUEST,
                                    Reason.OVERSIZE.name(),
                                    "A request may have at most " + MAX_BODY_BYTES + " bytes."));
                    return;
                }
            }
            if (!authorized(ex)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                send(
                        ex,
                        401,
                        error(
                                NullNode.instance,
                                RpcException.UNAUTHORIZED,
                                Reason.UNAUTHORIZED.name(),
                                "The request needs the header 'Authorization: Bearer <token>' with the token from the data folder's rpc.token file."));
                return;
            }
            if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                send(
                        ex,
                        405,
                        error(
                                NullNode.instance,
                                RpcException.INVALID_REQUEST,
                                Reason.MALFORMED.name(),
                                "JSON-RPC requests are sent with HTTP POST."));
                return;
            }
            Optional<JsonNode> response = respond(body);
            if (response.isPresent()) {
                send(ex, 200, response.get());
            } else {
                ex.sendResponseHeaders(204, -1);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or wrote garbage at the HTTP level; nothing to answer
            LOG.debug("RPC exchange failed", e);
        }
    }

    private boolean authorized(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        return header != null
                && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /** The answer to one HTTP body: a response, a batch of them, or nothing (only notifications). */
    Optional<JsonNode> respond(byte[] body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            return Optional.of(error(
                    NullNode.instance,
                    RpcException.PARSE_ERROR,
                    Reason.MALFORMED.name(),
                    "The request is not valid JSON."));
        }
        if (request == null || request.isMissingNode()) {
            return Optional.of(error(
                    NullNode.instance, RpcException.PARSE_ERROR, Reason.MALFORMED.name(), "The request is empty."));
        }
        if (request.isArray()) {
            if (request.isEmpty()) {
                return Optional.of(error(
                        NullNode.instance,
                        RpcException.INVALID_REQUEST,
                        Reason.MALFORMED.name(),
                        "A batch must hold at least one request."));
            }
            ArrayNode out = mapper.createArrayNode();
            for (JsonNode r : request) {
                process(r).ifPresent(out::add);
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }
        return process(request);
    }

    private Optional<JsonNode> process(JsonNode req) {
        if (!req.isObject()) {
            return Optional.of(invalidRequest(NullNode.instance, "A request is a JSON object."));
        }
        JsonNode idNode = req.get("id");
        if (idNode != null && !(idNode.isTextual() || idNode.isIntegralNumber() || idNode.isNull())) {
            return Optional.of(invalidRequest(NullNode.instance, "The id must be a string, an integer or null."));
        }
        boolean notification = idNode == null;
        JsonNode id = notification ? NullNode.instance : idNode;
        JsonNode version = req.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
            return Optional.of(invalidRequest(id, "The request must say \"jsonrpc\": \"2.0\"."));
        }
        JsonNode methodName = req.get("method");
        if (methodName == null || !methodName.isTextual()) {
            return Optional.of(invalidRequest(id, "The request must name its method as a string."));
        }
        Optional<RpcMethods.Method> method = methods.method(methodName.asText());
        JsonNode answer;
        if (method.isEmpty()) {
            answer = error(
                    id,
                    RpcException.METHOD_NOT_FOUND,
                    Reason.NOT_FOUND.name(),
                    "There is no method '" + abbreviate(methodName.asText()) + "'; the methods are " + methods.names()
                            + ".");
        } else {
            answer = call(id, method.get(), req.get("params"));
        }
        return notification ? Optional.empty() : Optional.of(answer);
    }

    private JsonNode call(JsonNode id, RpcMethods.Method method, JsonNode params) {
        try {
            JsonNode result = method.body().apply(Params.of(method.name(), params, method.params()));
            ObjectNode o = mapper.createObjectNode();
            o.put("jsonrpc", "2.0");
            o.set("id", id);
            o.set("result", result);
            return o;
        } catch (RpcException e) {
            return error(id, e.code(), e.reason(), e.detail());
        } catch (RejectedException e) {
            return error(id, RpcException.REJECTED, e.reason().name(), e.detail());
        } catch (ChainDataException e) {
            LOG.error("RPC method {} met damaged chain data: {}", method.name(), e.detail(), e);
            return error(id, RpcException.CHAIN_DATA, e.reason().name(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("RPC method {} failed", method.name(), e);
            return error(
                    id,
                    RpcException.INTERNAL_ERROR,
                    RpcException.INTERNAL_ERROR_REASON,
                    "The node failed to answer " + method.name() + "; its log has the details.");
        }
    }

    private JsonNode invalidRequest(JsonNode id, String detail) {
        return error(id, RpcException.INVALID_REQUEST, Reason.MALFORMED.name(), detail);
    }

    private JsonNode error(JsonNode id, int code, String reason, String detail) {
        ObjectNode o = mapper.createObjectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id);
        ObjectNode err = o.putObject("error");
        err.put("code", code);
        err.put("message", detail);
        err.putObject("data").put("reason", reason).put("message", detail);
        return o;
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops answering, removes the port file and ends the pool's threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(1);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            RpcFiles.removePort(dataDir, port);
        } catch (IOException e) {
            LOG.warn("could not remove {}", dataDir.resolve(RpcFiles.PORT_FILE), e);
        }
        LOG.info("JSON-RPC on port {} stopped", port);
    }
}
