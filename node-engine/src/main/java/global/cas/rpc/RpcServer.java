package global.cas.rpc;

import global.cas.node.Node;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over HTTP for one node, on 127.0.0.1 only. Every request is an HTTP {@code POST}
 * with the header {@code Authorization: Bearer <token>}, the token being the content of {@code
 * <dataDir>/rpc.token} (created on first start, owner-only); without it the answer is HTTP 401 with
 * JSON-RPC error {@value RpcException#UNAUTHORIZED} and reason {@code UNAUTHORIZED}. The port the
 * server bound is written to {@code <dataDir>/rpc.port} and removed on {@link #close()}. Batches
 * (JSON arrays) and notifications (no {@code id}) work as JSON-RPC 2.0 says.
 *
 * <p>Limits ({@link RpcLimits}, production values in {@link RpcLimits#defaults()}): bodies above
 * {@code maxBodyBytes} are refused (HTTP 413, reason {@code OVERSIZE}); a batch of more than {@code
 * maxBatchCalls} calls, or an answer that would pass {@code maxResponseBytes}, is refused whole with
 * error {@value RpcException#LIMIT_EXCEEDED} and reason {@value RpcException#BATCH_TOO_LARGE} or
 * {@value RpcException#RESPONSE_TOO_LARGE}; list methods return pages ({@code limit}, default
 * {@code defaultPageSize}, at most {@code maxPageSize}) and an opaque {@code next} cursor, {@code
 * null} on the last page. A request must arrive within the header and body timeouts (else HTTP 408,
 * {@value RpcException#REQUEST_TIMEOUT}, and the connection closes); connections past {@code
 * maxConnections} (or {@code maxConnectionsPerRemote} from one address) and calls past the pool's
 * queue get HTTP 503, {@value RpcException#BUSY}. Slow clients hold only their own connection: the
 * network runs on one non-blocking event loop and calls on their own pool.
 *
 * <p>Parameters may be given by name (an object) or by position (an array, in the order below).
 * Amounts are base units (1 CAS = 100,000,000), with a decimal CAS string beside them; hashes are
 * hex; addresses Bech32m text of the node's network; the target and nonces 16 hex digits.
 *
 * <table>
 *   <caption>Methods</caption>
 *   <tr><th>method</th><th>params</th><th>result</th></tr>
 *   <tr><td>{@code chain_info}</td><td>none</td>
 *       <td>{@code chainId, network, genesisHash, localOnly} (true on a devnet: the chain exists only
 *       on this computer), {@code height, tipHash, tipTime} (ms), {@code stateRoot, target,
 *       frozenRemaining, frozenRemainingCas, minFeePerByte, validator} (true when this node
 *       produces blocks), {@code pruned} (true when this node prunes or has pruned old blocks'
 *       transactions) and {@code pruneHeight} (the lowest block above genesis whose transactions
 *       are kept; 0 when none is pruned)</td></tr>
 *   <tr><td>{@code chain_block}</td><td>{@code height} or {@code hash}, or {@code block}: either
 *       </td><td>{@code height, hash, chainId, previousHash, time, proposer,
 *       transactionsRoot, stateRoot, evidenceHash, evidenceCount, transactionCount, transactions}
 *       (ids, in block order),
 *       {@code next}; {@code NOT_FOUND} when unknown, {@code BLOCK_PRUNED}
 *       when its transactions were pruned. Paged: {@code limit}, {@code cursor}</td></tr>
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
 *       amount, amountCas, height, storageId}, oldest first; {@code next}. Paged: {@code limit},
 *       {@code cursor}</td></tr>
 *   <tr><td>{@code tx_send}</td><td>{@code raw}: a signed transaction as hex</td>
 *       <td>{@code id}; a refusal is error {@value RpcException#REJECTED} with the node's
 *       reason ({@code MALFORMED}, {@code FEE_BELOW_MINIMUM}, {@code UNKNOWN_OUTPUT}...)</td></tr>
 *   <tr><td>{@code mempool_info}</td><td>none</td><td>{@code size, bytes, capacity}</td></tr>
 *   <tr><td>{@code mining_work}</td><td>none</td>
 *       <td>{@code chainId, height} (of the block the proof is for), {@code previousHash,
 *       target}</td></tr>
 *   <tr><td>{@code evidence_list}</td><td>none</td>
 *       <td>{@code evidence}: the double signs the chain recorded (C4), in chain order, each {@code
 *       blockHeight, index} (where it is recorded), {@code hash, height, round, type} ({@code
 *       prevote} or {@code precommit}), {@code validatorIndex, validator} (address) and {@code
 *       votes} (two: {@code value, timestamp, signature}); {@code next}; {@code pending} (seen by
 *       this node, not recorded yet). Paged: {@code limit}, {@code cursor}</td></tr>
 * </table>
 *
 * <p>An error is {@code {"code": c, "message": sentence, "data": {"reason": CODE, "message":
 * sentence}}}: parse error {@value RpcException#PARSE_ERROR} and invalid request {@value
 * RpcException#INVALID_REQUEST} with reason {@code MALFORMED}, unknown method {@value
 * RpcException#METHOD_NOT_FOUND} with {@code NOT_FOUND}, invalid params {@value
 * RpcException#INVALID_PARAMS} with {@code MALFORMED} or the precise reason (a mistyped address is
 * {@code BAD_ADDRESS_CHECKSUM}), and a bug {@value RpcException#INTERNAL_ERROR} with {@code
 * INTERNAL_ERROR}. No input stops the server.
 *
 * <p>Thread-safe: requests run on a small bounded pool; the node's query methods are thread-safe.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final NettyRpcTransport transport;
    private final Path dataDir;
    private final int port;
    private boolean closed;

    private RpcServer(NettyRpcTransport transport, Path dataDir) {
        this.transport = transport;
        this.dataDir = dataDir;
        this.port = transport.port();
    }

    /**
     * Serves {@code node} on 127.0.0.1:{@code port} (0 picks a free port) with the production
     * {@link RpcLimits#defaults() limits}, creating the token file if needed and writing the port
     * file.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static RpcServer start(Node node, Path dataDir, int port) throws IOException {
        return start(node, dataDir, port, RpcLimits.defaults());
    }

    /**
     * Serves {@code node} as {@link #start(Node, Path, int)} does, within {@code limits}.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static RpcServer start(Node node, Path dataDir, int port, RpcLimits limits) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("an RPC port is 0 to 65535, got " + port);
        }
        String token = RpcFiles.loadOrCreateToken(dataDir, new SecureRandom());
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        RpcDispatcher dispatcher = new RpcDispatcher(
                new RpcMethods(node, limits.defaultPageSize(), limits.maxPageSize()),
                limits.maxBatchCalls(),
                limits.maxResponseBytes());
        RpcEndpoint endpoint = new RpcEndpoint(dispatcher, token);
        NettyRpcTransport transport =
                NettyRpcTransport.bind(loopback, port, limits, endpoint::answer, dispatcher::errorBytes);
        RpcServer server = new RpcServer(transport, dataDir);
        try {
            RpcFiles.writePort(dataDir, server.port);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LOG.info("JSON-RPC listening on 127.0.0.1:{}", server.port);
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The client connections open now. */
    public int openConnections() {
        return transport.openConnections();
    }

    /** Stops answering, removes the port file and ends the server's threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        try {
            RpcFiles.removePort(dataDir, port);
        } catch (IOException e) {
            LOG.warn("could not remove {}", dataDir.resolve(RpcFiles.PORT_FILE), e);
        }
        LOG.info("JSON-RPC on port {} stopped", port);
    }
}
