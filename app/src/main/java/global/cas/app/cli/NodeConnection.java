package global.cas.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcClient;

/**
 * Opens the JSON-RPC connection to the node of a data folder and checks that it runs the network
 * the command was asked for, so an address is never read for the wrong chain.
 */
public final class NodeConnection {
    private NodeConnection() {}

    /**
     * A client for the node on {@code options}' data folder, with its {@code chain_info}.
     *
     * @throws global.cas.rpc.RpcException {@code NODE_NOT_RUNNING} when no node answers
     * @throws CliException {@code WRONG_NETWORK} when the node runs another network
     */
    public static Connected open(CommonOptions options) {
        RpcClient client = RpcClient.forDataDir(options.dataDir());
        try {
            JsonNode info = client.call("chain_info");
            Network network = Network.parse(info.path("network").asText());
            if (network != options.network()) {
                throw new CliException(
                        Reason.WRONG_NETWORK,
                        "The node on " + options.dataDir() + " runs " + network.id() + ", not "
                                + options.network().id() + " (use --network " + network.id() + ").");
            }
            return new Connected(client, info);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** An open client and the node's {@code chain_info} at connection time. Close to free the client. */
    public record Connected(RpcClient rpc, JsonNode chainInfo) implements AutoCloseable {
        public String chainId() {
            return chainInfo.path("chainId").asText();
        }

        public long height() {
            return chainInfo.path("height").asLong();
        }

        @Override
        public void close() {
            rpc.close();
        }
    }
}
