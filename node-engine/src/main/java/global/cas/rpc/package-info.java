/**
 * JSON-RPC 2.0 over HTTP for the command line and for scripts: {@link global.cas.rpc.RpcServer}
 * serves a running {@link global.cas.node.Node} on 127.0.0.1 only (never on a public interface),
 * from one non-blocking network thread and a small bounded call pool, and answers only requests that carry the bearer token it keeps in
 * {@code <dataDir>/rpc.token} (owner-only where the file system has POSIX permissions); it writes
 * the port it bound to {@code <dataDir>/rpc.port}. {@link global.cas.rpc.RpcClient} reads both files
 * and calls the server. Every error names a reason code of {@link global.cas.rejection.Reason} (or
 * {@code INTERNAL_ERROR}) beside the standard JSON-RPC error code, and bad input never stops the
 * server. Depends on {@code node}, {@code ledger}, {@code chain}, {@code crypto}, {@code rejection},
 * Jackson and Netty (package-private, behind {@link global.cas.rpc.RpcServer}).
 */
package global.cas.rpc;
