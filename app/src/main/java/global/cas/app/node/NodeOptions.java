package global.cas.app.node;

import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.localnet.LocalnetFollower;
import global.cas.app.network.GenesisSeeds;
import global.cas.crypto.Network;
import global.cas.node.NetworkSettings;
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

    @Option(
            names = "--p2p-port",
            paramLabel = "<port>",
            description = "Join the peer-to-peer network, listening on this port on every interface (0: any free"
                    + " port; default " + NetworkSettings.DEFAULT_PORT
                    + " when --peer is given or the genesis lists seeds, any"
                    + " free port with --localnet).")
    private Integer p2pPort;

    @Option(
            names = "--peer",
            paramLabel = "<host:port>",
            description = "A node to stay connected to (repeat for several). On devnet a node given peers follows them"
                    + " instead of validating with the built-in devnet key, unless --validator-key-file is given."
                    + " Without --peer the node dials the seeds its genesis lists (testnet: its four validators"
                    + " on 127.0.0.1:28656-28659); --peer replaces them.")
    private java.util.List<String> peers = new java.util.ArrayList<>();

    @Option(
            names = "--genesis",
            paramLabel = "<file>",
            description = "Run the chain of this genesis file instead of the network's bundled one (a localnet's:"
                    + " cas localnet start writes it).")
    private Path genesisFile;

    @Option(
            names = "--localnet",
            paramLabel = "<folder>",
            description = "Follow the localnet of this folder (made by 'cas localnet start --dir <folder>') as a full"
                    + " node without validator key: its genesis.json, its nodes' p2p ports as peers, data in"
                    + " <folder>/desktop unless --datadir names another. 'cas --localnet <folder>' opens the window"
                    + " on it.")
    private Path localnet;

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
        Optional<LocalnetFollower> follow = Optional.ofNullable(localnet).map(this::follower);
        Network network = follow.map(LocalnetFollower::network).orElse(common.network());
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
        if (follow.isPresent()) {
            LocalnetFollower f = follow.get();
            return new NodeSettings(
                    network,
                    common.givenDataDir().orElse(f.dataDir()),
                    port,
                    rpcPort != null,
                    interval,
                    Optional.empty(),
                    prune,
                    Optional.of(followerP2p(f)),
                    Optional.of(f.genesis()));
        }
        return new NodeSettings(
                network,
                common.dataDir(),
                port,
                rpcPort != null,
                interval,
                Optional.ofNullable(validatorKeyFile),
                prune,
                p2p(network, common.dataDir()),
                Optional.ofNullable(genesisFile));
    }

    /** The localnet of {@code --localnet}, refusing the options a follower of it cannot take. */
    private LocalnetFollower follower(Path dir) {
        if (genesisFile != null) {
            throw CliException.usage("--localnet runs the localnet's own genesis.json; leave --genesis out.");
        }
        if (validatorKeyFile != null) {
            throw CliException.usage("A node following a localnet holds no validator key (its validators are the"
                    + " nodes 'cas localnet start' runs); leave --validator-key-file out.");
        }
        if (blockIntervalMillis != null) {
            throw CliException.usage("The localnet's validators set its block interval ('cas localnet start"
                    + " --block-interval-ms'); leave --block-interval-ms out.");
        }
        LocalnetFollower f = LocalnetFollower.of(dir);
        Optional<Network> given = common.givenNetwork();
        if (given.isPresent() && given.get() != f.network()) {
            throw CliException.usage("The localnet in " + dir.toAbsolutePath().normalize() + " runs "
                    + f.network().id() + ", not " + given.get().id() + "; leave --network out.");
        }
        return f;
    }

    /**
     * A localnet follower's network: the nodes' ports and any {@code --peer}, listening on {@code
     * --p2p-port} or a free port (nobody needs to dial it), exchanging addresses (it validates not).
     */
    private NetworkSettings followerP2p(LocalnetFollower f) {
        int listen = p2pPort == null ? 0 : p2pPort;
        if (listen < 0 || listen > 65535) {
            throw CliException.usage("--p2p-port takes 0 to 65535, not " + listen + ".");
        }
        java.util.List<java.net.InetSocketAddress> addresses = new java.util.ArrayList<>(f.peers());
        for (String p : peers) {
            addresses.add(peerAddress(p));
        }
        addSaved(addresses, common.givenDataDir().orElse(f.dataDir()));
        return NetworkSettings.of("0.0.0.0", listen, addresses, true);
    }

    private Optional<NetworkSettings> p2p(Network network, Path dataDir) {
        java.util.List<java.net.InetSocketAddress> addresses = new java.util.ArrayList<>();
        for (String p : peers) {
            addresses.add(peerAddress(p));
        }
        addSaved(addresses, dataDir);
        // no --peer: the seeds of the genesis the node runs (the bundled testnet lists its validators)
        java.util.List<java.net.InetSocketAddress> seeds =
                peers.isEmpty() ? GenesisSeeds.of(network, Optional.ofNullable(genesisFile)) : java.util.List.of();
        if (p2pPort == null && addresses.isEmpty() && seeds.isEmpty()) {
            return Optional.empty();
        }
        int listen = p2pPort == null ? NetworkSettings.DEFAULT_PORT : p2pPort;
        if (listen < 0 || listen > 65535) {
            throw CliException.usage("--p2p-port takes 0 to 65535, not " + listen + ".");
        }
        for (java.net.InetSocketAddress seed : seeds) {
            // a validator run on a seed's own address does not dial itself
            if (!(listen == seed.getPort() && isLoopback(seed.getHostString()))) {
                addresses.add(seed);
            }
        }
        // a validator keeps its address to itself: no peer exchange when it validates
        boolean exchange = validatorKeyFile == null && !addresses.isEmpty();
        return Optional.of(NetworkSettings.of("0.0.0.0", listen, addresses, exchange));
    }

    /** Adds the peers added in Settings, kept in {@code dataDir} (a damaged list refuses the start). */
    private static void addSaved(java.util.List<java.net.InetSocketAddress> addresses, Path dataDir) {
        for (global.cas.p2p.PeerAddress saved :
                global.cas.p2p.PersistentPeers.load(dataDir).list()) {
            if (!addresses.contains(saved.toSocketAddress())) {
                addresses.add(saved.toSocketAddress());
            }
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static java.net.InetSocketAddress peerAddress(String text) {
        try {
            return global.cas.p2p.PeerAddress.parse(text).toSocketAddress();
        } catch (global.cas.rejection.RejectedException e) {
            throw CliException.usage("--peer: " + e.detail());
        }
    }
}
