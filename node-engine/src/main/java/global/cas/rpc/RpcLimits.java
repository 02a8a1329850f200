package global.cas.rpc;

import java.time.Duration;

/**
 * What one JSON-RPC server accepts: sizes, counts and times past which it refuses with a coded
 * error instead of spending memory or threads. {@link #defaults()} are the production values (see
 * docs/rpc.md); tests pass smaller ones. Every limit is checked before the work it bounds, so the
 * memory a server can hold is about {@code maxConnections × (maxBodyBytes + maxResponseBytes)}.
 * Immutable.
 *
 * @param maxBodyBytes the largest request body (HTTP 413, reason {@code OVERSIZE}, above it)
 * @param maxHeaderBytes the largest request line and the largest header block
 * @param maxBatchCalls the most calls in one batch (reason {@value RpcException#BATCH_TOO_LARGE})
 * @param maxResponseBytes the largest answer, batch or single (reason {@value
 *     RpcException#RESPONSE_TOO_LARGE})
 * @param defaultPageSize the items a list method returns when the call gives no {@code limit}
 * @param maxPageSize the largest {@code limit} a list method accepts
 * @param maxConnections the most connections open at once (more are answered HTTP 503, reason
 *     {@value RpcException#BUSY}, and closed)
 * @param maxConnectionsPerRemote the most connections from one remote address
 * @param headerTimeout the time a connection has, from opening or from its previous answer, to send
 *     a request's complete headers (then HTTP 408 and closed)
 * @param bodyTimeout the time from a request's headers to the end of its body
 * @param writeTimeout the time a client has to take an answer
 * @param threads the threads that run calls (off the network thread)
 * @param queuedRequests the requests that may wait for a thread (more are answered HTTP 503)
 */
public record RpcLimits(
        int maxBodyBytes,
        int maxHeaderBytes,
        int maxBatchCalls,
        int maxResponseBytes,
        int defaultPageSize,
        int maxPageSize,
        int maxConnections,
        int maxConnectionsPerRemote,
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration writeTimeout,
        int threads,
        int queuedRequests) {

    public RpcLimits {
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxHeaderBytes, "maxHeaderBytes");
        positive(maxBatchCalls, "maxBatchCalls");
        positive(maxResponseBytes, "maxResponseBytes");
        positive(defaultPageSize, "defaultPageSize");
        positive(maxPageSize, "maxPageSize");
        positive(maxConnections, "maxConnections");
        positive(maxConnectionsPerRemote, "maxConnectionsPerRemote");
        positive(threads, "threads");
        positive(queuedRequests, "queuedRequests");
        if (defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException(
                    "defaultPageSize " + defaultPageSize + " is above maxPageSize " + maxPageSize);
        }
        for (Duration d : new Duration[] {headerTimeout, bodyTimeout, writeTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("RPC timeouts are positive, got " + d);
            }
        }
    }

    /** The production limits: 1 MiB bodies, 100 calls a batch, 4 MiB answers, pages of 100 (at most 1,000). */
    public static RpcLimits defaults() {
        return new RpcLimits(
                1 << 20,
                8 * 1024,
                100,
                4 << 20,
                100,
                1000,
                64,
                32,
                Duration.ofSeconds(10),
                Duration.ofSeconds(20),
                Duration.ofSeconds(20),
                4,
                64);
    }

    /** These limits with other timeouts (tests use short ones). */
    public RpcLimits withTimeouts(Duration header, Duration body, Duration write) {
        return new RpcLimits(
                maxBodyBytes,
                maxHeaderBytes,
                maxBatchCalls,
                maxResponseBytes,
                defaultPageSize,
                maxPageSize,
                maxConnections,
                maxConnectionsPerRemote,
                header,
                body,
                write,
                threads,
                queuedRequests);
    }

    /** These limits with other connection counts. */
    public RpcLimits withConnections(int total, int perRemote) {
        return new RpcLimits(
                maxBodyBytes,
                maxHeaderBytes,
                maxBatchCalls,
                maxResponseBytes,
                defaultPageSize,
                maxPageSize,
                total,
                perRemote,
                headerTimeout,
                bodyTimeout,
                writeTimeout,
                threads,
                queuedRequests);
    }

    private static void positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
