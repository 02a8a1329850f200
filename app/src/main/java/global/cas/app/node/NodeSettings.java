package global.cas.app.node;

import global.cas.crypto.Network;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to run one node, checked: network, data folder, RPC port (0 = any free one), the block
 * interval when overridden (devnet only) and a validator key file when given. Immutable.
 */
public record NodeSettings(
        Network network, Path dataDir, int rpcPort, OptionalLong blockIntervalMillis, Optional<Path> validatorKeyFile) {

    /** The RPC port a network's node uses unless told otherwise. */
    public static int defaultRpcPort(Network network) {
        return switch (network) {
            case DEVNET -> 18645;
            case TESTNET -> 28645;
            case MAINNET -> 8645;
        };
    }
}
