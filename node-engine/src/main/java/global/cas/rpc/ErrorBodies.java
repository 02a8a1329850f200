package global.cas.rpc;

/** Writes the JSON-RPC error body of an HTTP-level refusal (no id). Implementations are thread-safe. */
@FunctionalInterface
interface ErrorBodies {
    byte[] body(int code, String reason, String detail);
}
