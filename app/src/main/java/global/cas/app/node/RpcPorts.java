package global.cas.app.node;

import global.cas.app.cli.CliException;
import global.cas.node.Node;
import global.cas.rpc.RpcFiles;
import global.cas.rpc.RpcServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the RPC port of a node: the port the person gave with {@code --rpc-port} must be free,
 * or the start is refused with {@code PORT_IN_USE}; the network's default port, when another
 * program (often a second CAS node on another data folder) holds it, is replaced by a free one.
 * Whichever port is bound is recorded in {@code <dataDir>/}{@value RpcFiles#PORT_FILE} by the
 * server, where the command line finds it. Stateless.
 */
public final class RpcPorts {
    /** The reason code of a port given with {@code --rpc-port} that another program holds. */
    public static final String PORT_IN_USE = "PORT_IN_USE";

    private static final Logger LOG = LoggerFactory.getLogger(RpcPorts.class);

    private RpcPorts() {}

    /**
     * Refuses a start whose {@code --rpc-port} is taken, before the node opens its chain (so the
     * window, too, says so at once). A default port is not checked: {@link #start} replaces it.
     *
     * @throws CliException {@value #PORT_IN_USE}
     */
    public static void requireGivenPortFree(NodeSettings settings) {
        if (!settings.rpcPortGiven() || settings.rpcPort() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(loopback(), settings.rpcPort()));
        } catch (IOException e) {
            throw taken(settings.rpcPort());
        }
    }

    /**
     * Starts the RPC server of {@code node} on the settings' port, or on a free one when that port is
     * the default and taken.
     *
     * @throws CliException {@value #PORT_IN_USE} when a port given with {@code --rpc-port} is taken
     */
    public static RpcServer start(Node node, NodeSettings settings) throws IOException {
        try {
            return RpcServer.start(node, settings.dataDir(), settings.rpcPort());
        } catch (BindException e) {
            if (settings.rpcPortGiven() || settings.rpcPort() == 0) {
                throw taken(settings.rpcPort());
            }
            LOG.info(
                    "the default RPC port {} is taken (another CAS node?); using a free one, recorded in {}",
                    settings.rpcPort(),
                    settings.dataDir().resolve(RpcFiles.PORT_FILE));
            return RpcServer.start(node, settings.dataDir(), 0);
        }
    }

    private static CliException taken(int port) {
        return new CliException(
                PORT_IN_USE,
                "The RPC port " + port + " given with --rpc-port is taken by another program (perhaps another"
                        + " CAS node); choose another port, or leave --rpc-port out to use a free one.");
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    }
}
