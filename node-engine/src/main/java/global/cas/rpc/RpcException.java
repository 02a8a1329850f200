package global.cas.rpc;

import global.cas.rejection.Reason;
import java.util.Optional;

/**
 * A JSON-RPC error: the JSON-RPC error code, the reason code (a {@link Reason} name, or one of the
 * few codes below that have no {@link Reason}) and a sentence for a person. Thrown by the server's
 * methods (and turned into the error response) and by {@link RpcClient#call} when the server
 * answered with an error or could not be reached. Immutable.
 */
public final class RpcException extends RuntimeException {
    /** JSON-RPC: the body is not JSON. */
    public static final int PARSE_ERROR = -32700;
    /** JSON-RPC: the JSON is not a request object. */
    public static final int INVALID_REQUEST = -32600;
    /** JSON-RPC: no such method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** JSON-RPC: the parameters are missing, unknown or of the wrong type or value. */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC: the server failed; a bug, reported with reason {@value #INTERNAL_ERROR_REASON}. */
    public static final int INTERNAL_ERROR = -32603;
    /** Server-defined: the request did not carry the right token (HTTP 401). */
    public static final int UNAUTHORIZED = -32001;
    /** Server-defined: no block or transaction with that identifier. */
    public static final int NOT_FOUND = -32004;
    /**
     * Server-defined: a limit of the server was reached (a batch too long, an answer too large, too
     * many connections or waiting calls, a request too slow); the reason says which.
     */
    public static final int LIMIT_EXCEEDED = -32005;
    /** Server-defined: the node refused the transaction; the reason says why. */
    public static final int REJECTED = -32010;
    /** Server-defined: the node's chain data are damaged; the reason ({@code CHAIN_DATA_DAMAGED}) says what to do. */
    public static final int CHAIN_DATA = -32020;
    /** Client side: the server could not be reached or gave no JSON-RPC answer. */
    public static final int UNAVAILABLE = -32099;

    /** Reason code of internal errors (there is no {@link Reason} for a bug). */
    public static final String INTERNAL_ERROR_REASON = "INTERNAL_ERROR";
    /** Reason code of {@link #UNAVAILABLE}: no node answers on the data folder's RPC port. */
    public static final String NODE_NOT_RUNNING = "NODE_NOT_RUNNING";

    /** Reason of {@link #LIMIT_EXCEEDED}: the batch holds more calls than the server takes at once. */
    public static final String BATCH_TOO_LARGE = "BATCH_TOO_LARGE";
    /** Reason of {@link #LIMIT_EXCEEDED}: the answer would pass the server's size limit. */
    public static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";
    /** Reason of {@link #LIMIT_EXCEEDED} (HTTP 503): too many connections or calls waiting. */
    public static final String BUSY = "BUSY";
    /** Reason of {@link #LIMIT_EXCEEDED} (HTTP 408): the request did not arrive in time. */
    public static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT";

    private final int code;
    private final String reason;
    private final String detail;

    public RpcException(int code, String reason, String detail) {
        super(reason + ": " + detail);
        this.code = code;
        this.reason = reason;
        this.detail = detail;
    }

    public RpcException(int code, Reason reason, String detail) {
        this(code, reason.name(), detail);
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** The reason code, e.g. {@code BAD_ADDRESS_CHECKSUM}. */
    public String reason() {
        return reason;
    }

    /** The reason as a {@link Reason}, when it is one. */
    public Optional<Reason> reasonCode() {
        for (Reason r : Reason.values()) {
            if (r.name().equals(reason)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The sentence for a person, without the code. */
    public String detail() {
        return detail;
    }
}
