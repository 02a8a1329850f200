package global.cas.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.ChainDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one JSON-RPC body into its answer, as JSON-RPC 2.0 says (single calls, batches,
 * notifications), within the batch and answer limits: a batch longer than {@code maxBatchCalls} is
 * refused whole before any call runs, and an answer is written call by call and refused whole
 * ({@value RpcException#RESPONSE_TOO_LARGE}) as soon as it would pass {@code maxResponseBytes}, so
 * a request never holds more than that limit plus one call's result. Thread-safe (the methods are).
 */
final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

    private final RpcMethods methods;
    private final int maxBatchCalls;
    private final int maxResponseBytes;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    RpcDispatcher(RpcMethods methods, int maxBatchCalls, int maxResponseBytes) {
        this.methods = methods;
        this.maxBatchCalls = maxBatchCalls;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The answer to one HTTP body as JSON bytes, or nothing (the body held only notifications). */
    Optional<byte[]> respond(byte[] body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            return Optional.of(bytes(error(
                    NullNode.instance,
                    RpcException.PARSE_ERROR,
                    Reason.MALFORMED.name(),
                    "The request is not valid JSON.")));
        }
        if (request == null || request.isMissingNode()) {
            return Optional.of(bytes(error(
                    NullNode.instance, RpcException.PARSE_ERROR, Reason.MALFORMED.name(), "The request is empty.")));
        }
        if (!request.isArray()) {
            return process(request, Map.of()).map(answer -> {
                byte[] b = bytes(answer);
                return b.length > maxResponseBytes ? bytes(tooLarge(answer.get("id"))) : b;
            });
        }
        if (request.isEmpty()) {
            return Optional.of(bytes(invalidRequest(NullNode.instance, "A batch must hold at least one request.")));
        }
        if (request.size() > maxBatchCalls) {
            return Optional.of(
                    bytes(
                            error(
                                    NullNode.instance,
                                    RpcException.LIMIT_EXCEEDED,
                                    RpcException.BATCH_TOO_LARGE,
                                    "A batch may hold at most " + maxBatchCalls + " calls, this one has "
                                            + request.size()
                                            + "; send it in smaller batches, and page through long lists with 'limit' and the 'next' cursor.")));
        }
        Map<JsonNode, Supplier<JsonNode>> batched = batched(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        boolean any = false;
        for (JsonNode r : request) {
            Optional<JsonNode> answer = process(r, batched);
            if (answer.isEmpty()) {
                continue;
            }
            byte[] b = bytes(answer.get());
            if (out.size() + b.length + 2 > maxResponseBytes) {
                return Optional.of(bytes(tooLarge(NullNode.instance)));
            }
            if (any) {
                out.write(',');
            }
            out.writeBytes(b);
            any = true;
        }
        out.write(']');
        return any ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    private JsonNode tooLarge(JsonNode id) {
        return error(
                id == null ? NullNode.instance : id,
                RpcException.LIMIT_EXCEEDED,
                RpcException.RESPONSE_TOO_LARGE,
                "The answer would pass the server's limit of " + maxResponseBytes
                        + " bytes; ask for smaller pages with 'limit' and page on with the 'next' cursor, or send fewer calls per batch.");
    }

    /**
     * The calls of a batch to methods with a batch body, each request (by identity) with what
     * answers it: each such method's well-formed calls go to its batch body together, in the batch's
     * order. The other requests, and these when malformed, are answered one by one.
     */
    private Map<JsonNode, Supplier<JsonNode>> batched(JsonNode batch) {
        Map<RpcMethods.Method, List<JsonNode>> byMethod = new LinkedHashMap<>();
        for (JsonNode r : batch) {
            if (!r.isObject()
                    || !r.path("jsonrpc").asText("").equals("2.0")
                    || !r.path("method").isTextual()) {
                continue;
            }
            JsonNode id = r.get("id");
            if (id != null && !(id.isTextual() || id.isIntegralNumber() || id.isNull())) {
                continue;
            }
            methods.method(r.get("method").asText())
                    .filter(m -> m.batchBody().isPresent())
                    .ifPresent(m ->
                            byMethod.computeIfAbsent(m, k -> new ArrayList<>()).add(r));
        }
        Map<JsonNode, Supplier<JsonNode>> answers = new IdentityHashMap<>();
        for (Map.Entry<RpcMethods.Method, List<JsonNode>> e : byMethod.entrySet()) {
            RpcMethods.Method m = e.getKey();
            List<JsonNode> calls = new ArrayList<>();
            List<Params> params = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                try {
                    params.add(Params.of(m.name(), r.get("params"), m.params()));
                    calls.add(r);
                } catch (RpcException bad) {
                    answers.put(r, () -> {
                        throw bad;
                    });
                }
            }
            if (params.isEmpty()) {
                continue;
            }
            List<Supplier<JsonNode>> results;
            try {
                results = m.batchBody().orElseThrow().apply(params);
            } catch (RuntimeException failed) {
                // answered call by call, each with this failure's error, as the body alone would
                for (JsonNode r : calls) {
                    answers.put(r, () -> {
                        throw failed;
                    });
                }
                continue;
            }
            for (int i = 0; i < calls.size(); i++) {
                answers.put(calls.get(i), results.get(i));
            }
        }
        return answers;
    }

    private Optional<JsonNode> process(JsonNode req, Map<JsonNode, Supplier<JsonNode>> batched) {
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
            Supplier<JsonNode> ready = batched.get(req);
            RpcMethods.Method m = method.get();
            answer = ready != null
                    ? call(id, m, ready)
                    : call(id, m, () -> m.body().apply(Params.of(m.name(), req.get("params"), m.params())));
        }
        return notification ? Optional.empty() : Optional.of(answer);
    }

    private JsonNode call(JsonNode id, RpcMethods.Method method, Supplier<JsonNode> body) {
        try {
            JsonNode result = body.get();
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

    /** A JSON-RPC error object with {@code data: {reason, message}}. */
    JsonNode error(JsonNode id, int code, String reason, String detail) {
        ObjectNode o = mapper.createObjectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id);
        ObjectNode err = o.putObject("error");
        err.put("code", code);
        err.put("message", detail);
        err.putObject("data").put("reason", reason).put("message", detail);
        return o;
    }

    /** {@link #error} without id, as JSON bytes: the body of an HTTP-level refusal. */
    byte[] errorBytes(int code, String reason, String detail) {
        return bytes(error(NullNode.instance, code, reason, detail));
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
