package global.cas.app.node;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import global.cas.app.cli.CliException;
import global.cas.chain.ChainParams;
import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.node.DevnetInstanceFile;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.node.consensus.ConsensusBlockProducer;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcServer;
import global.cas.store.ChainStore;
import global.cas.store.h2.H2ChainStore;
import global.cas.wallet.keys.DevnetAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Wires one node: the bundled genesis of the network (a devnet's made its data folder's own), the validator key (the devnet's public one,
 * or the key file), the node configuration, the H2 chain store, the started {@link Node} and its
 * {@link RpcServer}. The node and the server are singletons of the injector that holds this module;
 * whoever gets them closes them (server first).
 */
public final class NodeModule extends AbstractModule {
    private final NodeSettings settings;

    public NodeModule(NodeSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(NodeSettings.class).toInstance(settings);
    }

    /**
     * The bundled genesis of the network; a devnet's is made the data folder's own with its {@link
     * DevnetInstanceFile} (created on the folder's first start).
     */
    @Provides
    @Singleton
    ChainParams chainParams(SecureRandom random) {
        if (settings.genesisFile().isPresent()) {
            Path file = settings.genesisFile().get();
            try {
                ChainParams p = Genesis.load(file);
                if (p.network() != settings.network()) {
                    throw CliException.usage("The genesis file " + file + " is of "
                            + p.network().id() + ", not " + settings.network().id() + ": add --network "
                            + p.network().id() + ".");
                }
                return p;
            } catch (IOException e) {
                throw new CliException(
                        "IO_ERROR", "Cannot read the genesis file " + file + ": " + e.getMessage() + ".");
            }
        }
        ChainParams bundled = Genesis.bundled(settings.network());
        if (settings.network() != Network.DEVNET) {
            return bundled;
        }
        Path dataDir = settings.dataDir();
        boolean hasChain = Files.exists(dataDir.resolve(H2ChainStore.DATABASE_NAME + ".mv.db"));
        try {
            return DevnetInstanceFile.params(bundled, dataDir, hasChain, random);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot read or write the devnet instance file in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Provides
    @Singleton
    Optional<KeyPair> validatorKey() {
        if (settings.validatorKeyFile().isPresent()) {
            return Optional.of(readKey(settings.validatorKeyFile().get()));
        }
        if (settings.network() == Network.DEVNET
                && settings.p2p().map(n -> n.persistentPeers().isEmpty()).orElse(true)) {
            // a devnet node given peers follows them: two nodes signing with the one devnet key
            // would be one validator signing twice
            return Optional.of(new DevnetAccounts().validatorKey());
        }
        return Optional.empty();
    }

    @Provides
    @Singleton
    NodeConfig nodeConfig(ChainParams params, Optional<KeyPair> validatorKey) {
        long interval = settings.blockIntervalMillis().orElse(params.blockIntervalMillis());
        return new NodeConfig(
                settings.dataDir(),
                params,
                validatorKey,
                NodeConfig.DEFAULT_MEMPOOL_CAPACITY,
                interval,
                settings.pruneKeepBlocks());
    }

    @Provides
    Function<Path, ChainStore> chainStoreFactory() {
        return H2ChainStore::open;
    }

    @Provides
    @Singleton
    Node node(Provider<NodeConfig> config, Function<Path, ChainStore> storeFactory) {
        // before the configuration, so a refused start leaves the data folder untouched
        RpcPorts.requireGivenPortFree(settings);
        // blocks by BFT consensus (C1); a lone validator's devnet is a network of one
        var builder = Node.builder(config.get()).store(storeFactory).producers(ConsensusBlockProducer.FACTORY);
        settings.p2p().ifPresent(builder::network);
        return builder.start();
    }

    /** The RPC server, on a free port when the default one is taken ({@link RpcPorts}). */
    @Provides
    @Singleton
    RpcServer rpcServer(Node node) throws IOException {
        return RpcPorts.start(node, settings);
    }

    private static KeyPair readKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new CliException(
                    "IO_ERROR", "Cannot read the validator key file " + file + ": " + e.getMessage() + ".");
        }
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new CliException(
                    Reason.MALFORMED,
                    "The validator key file " + file + " must hold the 32-byte Ed25519 seed as 64 hex digits.");
        }
        return KeyPair.fromSeed(HexFormat.of().parseHex(text));
    }
}
