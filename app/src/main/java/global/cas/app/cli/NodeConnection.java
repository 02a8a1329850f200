package global.cas.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcClient;
import global.cas.rpc.RpcException;
import global.cas.rpc.RpcFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the JSON-RPC connection to the node of a data folder, found through the port that node
 * recorded there ({@code rpc.port}, whatever port it bound), and checks that it runs the network
 * the command was asked for, so an address is never read for the wrong chain. When no node of that
 * folder answers, the refusal names the folder and the command that starts its node. With {@code
 * --rpc} ({@link RpcOption}) the node is the one at that address instead, called with the folder's
 * token, and must run the network asked for.
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
        return open(options, Optional.empty());
    }

    /**
     * A client for the node {@code rpc} names, or without it the node on {@code options}' data
     * folder, with its {@code chain_info}.
     */
    public static Connected open(CommonOptions options, RpcOption rpc) {
        return open(options, rpc.address());
    }

    private static Connected open(CommonOptions options, Optional<RpcAddress> rpc) {
        if (rpc.isPresent()) {
            return openAt(options, rpc.get());
        }
        RpcClient client;
        try {
            client = RpcClient.forDataDir(options.dataDir());
        } catch (RpcException e) {
            throw notRunning(options, e, "");
        }
        try {
            JsonNode info = chainInfo(client, options);
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

    /**
     * The node at {@code address} ({@code --rpc}), called with the token of {@code options}' data
     * folder (none when the folder has no {@code rpc.token}). The node must run {@code --network}'s
     * network; which devnet it is (its chain id) is not compared, there being no folder's node to
     * compare it with.
     */
    private static Connected openAt(CommonOptions options, RpcAddress address) {
        Path tokenFile = options.dataDir().resolve(RpcFiles.TOKEN_FILE);
        Optional<String> token;
        try {
            token = RpcFiles.readToken(options.dataDir());
        } catch (IOException e) {
            throw new CliException(
                    Reason.IO_ERROR, "Cannot read the RPC token " + tokenFile + ": " + e.getMessage() + ".");
        }
        RpcClient client = new RpcClient(address.host(), address.port(), token.orElse(""));
        try {
            JsonNode info;
            try {
                info = client.call("chain_info");
            } catch (RpcException e) {
                if (e.reason().equals(RpcException.NODE_NOT_RUNNING)) {
                    String why = e.detail().startsWith("No node answers on ") ? "" : " (" + stripStop(e.detail()) + ")";
                    throw new RpcException(
                            RpcException.UNAVAILABLE,
                            RpcException.NODE_NOT_RUNNING,
                            "No node answers at " + address + ", the address given with --rpc" + why
                                    + "; check the address, or start the node there with 'cas node'.");
                }
                if (e.code() == RpcException.UNAUTHORIZED) {
                    throw new CliException(
                            Reason.UNAUTHORIZED,
                            "The node at " + address + " (--rpc) refused "
                                    + (token.isPresent()
                                            ? "the token in " + tokenFile
                                            : "a call without token, " + options.dataDir() + " having no rpc.token")
                                    + "; give the node's data folder with --datadir, or copy its rpc.token into "
                                    + options.dataDir() + ".");
                }
                throw e;
            }
            Network network = Network.parse(info.path("network").asText());
            if (network != options.network()) {
                throw new CliException(
                        Reason.WRONG_NETWORK,
                        "The node at " + address + " (--rpc) runs " + network.id() + ", not "
                                + options.network().id() + " (use --network " + network.id() + ").");
            }
            return new Connected(client, info);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static String stripStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static JsonNode chainInfo(RpcClient client, CommonOptions options) {
        try {
            return client.call("chain_info");
        } catch (RpcException e) {
            if (e.reason().equals(RpcException.NODE_NOT_RUNNING)) {
                throw notRunning(
                        options, e, " (its rpc.port names 127.0.0.1:" + client.port() + ", where nothing answers)");
            }
            if (e.code() == RpcException.UNAUTHORIZED) {
                // the port file outlived its node and another program (another folder's node) took the port
                throw notRunning(
                        options,
                        e,
                        " (the program on 127.0.0.1:" + client.port()
                                + ", named by its rpc.port, is not this folder's node)");
            }
            throw e;
        }
    }

    /**
     * No node of the folder answers: says which folder and how to start its node, with the same
     * {@code --network} and {@code --datadir} as the command that asked.
     */
    private static RpcException notRunning(CommonOptions options, RpcException cause, String why) {
        if (!cause.reason().equals(RpcException.NODE_NOT_RUNNING) && cause.code() != RpcException.UNAUTHORIZED) {
            return cause;
        }
        String flags = (options.network() == Network.DEVNET
                        ? ""
                        : " --network " + options.network().id()) + " --datadir "
                + shellWord(options.dataDir().toString());
        return new RpcException(
                RpcException.UNAVAILABLE,
                RpcException.NODE_NOT_RUNNING,
                "No node is running with the data folder " + options.dataDir() + why + "; start one with 'cas node"
                        + flags + "' (or open the window with 'cas" + flags + "').");
    }

    /** {@code text} as one word for a POSIX shell: as it is when plain, else in single quotes. */
    static String shellWord(String text) {
        if (text.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
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
