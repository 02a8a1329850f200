package global.cas.app.node;

import global.cas.crypto.Network;
import global.cas.node.NetworkSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to run one node, checked: network, data folder, RPC port (0 = any free one) and whether the
 * person chose it ({@code --rpc-port}) or it is the network's default, the block interval when
 * overridden (devnet only), a validator key file when given and how many recent blocks a pruning
 * node keeps whole (0: no pruning), and the peer-to-peer network when the node joins one ({@code
 * --p2p-port}, {@code --peer}). Immutable.
 *
 * @param rpcPortGiven true when {@code rpcPort} was given with {@code --rpc-port}: a taken port is
 *     then refused ({@code PORT_IN_USE}); a taken default port is replaced by a free one
 */
public record NodeSettings(
        Network network,
        Path dataDir,
        int rpcPort,
        boolean rpcPortGiven,
        OptionalLong blockIntervalMillis,
        Optional<Path> validatorKeyFile,
        long pruneKeepBlocks,
        Optional<NetworkSettings> p2p,
        Optional<Path> genesisFile) {

    /** Settings of a node that runs no peer-to-peer network. */
    public NodeSettings(
            Network network,
            Path dataDir,
            int rpcPort,
            boolean rpcPortGiven,
            OptionalLong blockIntervalMillis,
            Optional<Path> validatorKeyFile,
            long pruneKeepBlocks) {
        this(
                network,
                dataDir,
                rpcPort,
                rpcPortGiven,
                blockIntervalMillis,
                validatorKeyFile,
                pruneKeepBlocks,
                Optional.empty(),
                Optional.empty());
    }

    /** Settings of a node that keeps every block whole. */
    public NodeSettings(
            Network network,
            Path dataDir,
            int rpcPort,
            boolean rpcPortGiven,
            OptionalLong blockIntervalMillis,
            Optional<Path> validatorKeyFile) {
        this(network, dataDir, rpcPort, rpcPortGiven, blockIntervalMillis, validatorKeyFile, 0);
    }

    /** The RPC port a network's node uses unless told otherwise. */
    public static int defaultRpcPort(Network network) {
        return switch (network) {
            case DEVNET -> 18645;
            case TESTNET -> 28645;
            case MAINNET -> 8645;
        };
    }
}
