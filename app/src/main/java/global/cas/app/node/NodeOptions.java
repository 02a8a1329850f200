package global.cas.app.node;

import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.crypto.Network;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code cas node} (and of {@code cas} alone). Filled by picocli. */
public final class NodeOptions {
    /** Languages of the window. */
    public enum UiLanguage {
        EN,
        ZH
    }

    @Mixin
    private CommonOptions common;

    @Option(
            names = "--rpc-port",
            paramLabel = "<port>",
            description =
                    "JSON-RPC port on 127.0.0.1; 0 picks a free one (default: devnet 18645, testnet 28645, mainnet 8645;"
                            + " a taken default is replaced by a free one, a taken --rpc-port is refused).")
    private Integer rpcPort;

    @Option(
            names = "--block-interval-ms",
            paramLabel = "<ms>",
            description = "Milliseconds between blocks, devnet only (default: the genesis value).")
    private Long blockIntervalMillis;

    @Option(
            names = "--validator-key-file",
            paramLabel = "<file>",
            description =
                    "File holding this validator's Ed25519 seed as 64 hex digits (devnet uses its public validator key without it).")
    private Path validatorKeyFile;

    /** The fewest blocks {@code --prune} keeps whole: about 17 minutes of one-second blocks. */
    public static final long MIN_PRUNE_BLOCKS = 1_000;

    @Option(
            names = "--prune",
            paramLabel = "<blocks>",
            description = "Delete the transactions of blocks older than the last <blocks> (at least 1000), as Bitcoin"
                    + " Core's prune mode does: headers, commits, balances and every open wallet's history are kept;"
                    + " pruned blocks cannot be read back (default: keep every block).")
    private Long pruneKeepBlocks;

    @Option(names = "--headless", description = "Run the node alone, without the desktop window.")
    private boolean headless;

    @Option(
            names = "--lang",
            paramLabel = "en|zh",
            description = "Language of the window: en or zh (default: the saved choice, else the system's).")
    private UiLanguage lang;

    public boolean headless() {
        return headless;
    }

    /** The language asked for on the command line, if any. */
    public java.util.Optional<UiLanguage> lang() {
        return java.util.Optional.ofNullable(lang);
    }

    /** The checked settings. */
    public NodeSettings settings() {
        Network network = common.network();
        int port = rpcPort == null ? NodeSettings.defaultRpcPort(network) : rpcPort;
        if (port < 0 || port > 65535) {
            throw CliException.usage("--rpc-port takes 0 to 65535, not " + port + ".");
        }
        OptionalLong interval = OptionalLong.empty();
        if (blockIntervalMillis != null) {
            if (network != Network.DEVNET) {
                throw CliException.usage(
                        "--block-interval-ms is for devnet only; " + network.id() + " keeps its genesis interval.");
            }
            if (blockIntervalMillis < 10 || blockIntervalMillis > 3_600_000) {
                throw CliException.usage("--block-interval-ms takes 10 to 3600000, not " + blockIntervalMillis + ".");
            }
            interval = OptionalLong.of(blockIntervalMillis);
        }
        long prune = 0;
        if (pruneKeepBlocks != null) {
            if (pruneKeepBlocks < MIN_PRUNE_BLOCKS) {
                throw CliException.usage(
                        "--prune keeps at least " + MIN_PRUNE_BLOCKS + " blocks, not " + pruneKeepBlocks + ".");
            }
            prune = pruneKeepBlocks;
        }
        return new NodeSettings(
                network,
                common.dataDir(),
                port,
                rpcPort != null,
                interval,
                Optional.ofNullable(validatorKeyFile),
                prune);
    }
}
