package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.app.cli.CliException;
import global.cas.app.localnet.Localnet;
import global.cas.app.network.GenesisSeeds;
import global.cas.app.network.TestnetValidators;
import global.cas.app.node.NodeSettings;
import global.cas.chain.ChainParams;
import global.cas.chain.Genesis;
import global.cas.crypto.Network;
import global.cas.crypto.PublicKey;
import global.cas.node.NetworkSettings;
import global.cas.p2p.DisconnectException;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.NodeKey;
import global.cas.p2p.P2pConfig;
import global.cas.p2p.PeerNetwork;
import global.cas.p2p.netty.NettyPeerNetworks;
import global.cas.rpc.RpcClient;
import global.cas.testing.Await;
import global.cas.validators.Validator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled testnet: a fixed genesis of four public validators (account 1001 of the test phrase)
 * and the seeds where they listen when run on this computer, dialled by a node given no --peer.
 */
class TestnetTest {
    private static final List<Integer> SEED_PORTS = List.of(28656, 28657, 28658, 28659);

    private static NodeSettings settings(String... args) {
        return ParsedNodeOptions.settings(args);
    }

    private static List<String> hostPorts(List<InetSocketAddress> addresses) {
        return addresses.stream()
                .map(a -> a.getHostString() + ":" + a.getPort())
                .toList();
    }

    @Test
    @DisplayName("the testnet genesis loads: 4 validators, the public keys of account 1001, a chain id of its own")
    void genesisLoads() {
        ChainParams testnet = Genesis.bundled(Network.TESTNET);
        ChainParams devnet = Genesis.bundled(Network.DEVNET);
        TestnetValidators keys = new TestnetValidators();
        assertThat(testnet.network()).isEqualTo(Network.TESTNET);
        assertThat(testnet.validators()).hasSize(TestnetValidators.COUNT);
        List<PublicKey> expected = new ArrayList<>();
        for (int i = 0; i < TestnetValidators.COUNT; i++) {
            expected.add(keys.key(i).publicKey());
        }
        assertThat(testnet.validators().stream().map(Validator::key).toList()).containsExactlyElementsOf(expected);
        assertThat(testnet.validators()).allSatisfy(v -> assertThat(v.power()).isEqualTo(1));
        assertThat(testnet.chainId())
                .isEqualTo("cas-testnet-2")
                .isNotEqualTo(devnet.chainId())
                .doesNotStartWith("cas-devnet")
                .doesNotStartWith("cas-localnet-");
        assertThat(Genesis.build(testnet).block().hash())
                .isNotEqualTo(Genesis.build(devnet).block().hash());
        assertThat(testnet.localOnly()).isFalse();
    }

    @Test
    @DisplayName("the testnet's seeds parse to its validators' loopback ports; devnet and mainnet list none")
    void seedsParse() {
        assertThat(hostPorts(GenesisSeeds.bundled(Network.TESTNET)))
                .containsExactly("127.0.0.1:28656", "127.0.0.1:28657", "127.0.0.1:28658", "127.0.0.1:28659");
        assertThat(GenesisSeeds.bundled(Network.DEVNET)).isEmpty();
        assertThat(GenesisSeeds.bundled(Network.MAINNET)).isEmpty();
        assertThat(hostPorts(GenesisSeeds.parse(
                        "{\"seeds\":[\"seed.example.org:26656\",\"[::1]:7\"]}".getBytes(StandardCharsets.UTF_8), "x")))
                .containsExactly("seed.example.org:26656", "::1:7");
        for (String bad : List.of("[\"nohost\"]", "[\"h:0\"]", "[\"h:70000\"]", "[3]", "\"h:1\"")) {
            assertThatThrownBy(() -> GenesisSeeds.parse(
                            ("{\"seeds\":" + bad + "}").getBytes(StandardCharsets.UTF_8), "the file g.json"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            CliException.class, e -> assertThat(e.code()).isEqualTo("MALFORMED"))
                    .hasMessageStartingWith("the file g.json: ");
        }
    }

    @Test
    @DisplayName("seeds are no chain parameter: a genesis with other seeds has the same genesis hash")
    void seedsAreNotInTheGenesisHash() throws IOException {
        byte[] bundled;
        try (var in = Genesis.class.getResourceAsStream("genesis/testnet.json")) {
            bundled = in.readAllBytes();
        }
        String other = new String(bundled, StandardCharsets.UTF_8).replace("127.0.0.1:28656", "10.0.0.1:26656");
        assertThat(other).isNotEqualTo(new String(bundled, StandardCharsets.UTF_8));
        assertThat(Genesis.build(Genesis.parse(other.getBytes(StandardCharsets.UTF_8)))
                        .block()
                        .hash())
                .isEqualTo(
                        Genesis.build(Genesis.bundled(Network.TESTNET)).block().hash());
    }

    @Test
    @DisplayName("a testnet node given no --peer dials the seeds; --peer replaces them; a validator skips its own")
    void nodeSettingsUseTheSeeds(@TempDir Path dir) {
        NetworkSettings follower = settings("--network", "testnet", "--datadir", dir.toString())
                .p2p()
                .orElseThrow();
        assertThat(hostPorts(follower.persistentPeers()))
                .containsExactly("127.0.0.1:28656", "127.0.0.1:28657", "127.0.0.1:28658", "127.0.0.1:28659");
        assertThat(follower.listenPort()).isEqualTo(NetworkSettings.DEFAULT_PORT);
        assertThat(follower.peerExchange()).isTrue();

        NetworkSettings peer = settings("--network", "testnet", "--peer", "10.1.2.3:26656")
                .p2p()
                .orElseThrow();
        assertThat(hostPorts(peer.persistentPeers())).containsExactly("10.1.2.3:26656");

        NetworkSettings validator = settings(
                        "--network",
                        "testnet",
                        "--validator-key-file",
                        dir.resolve("k").toString(),
                        "--p2p-port",
                        "28657")
                .p2p()
                .orElseThrow();
        assertThat(hostPorts(validator.persistentPeers()))
                .containsExactly("127.0.0.1:28656", "127.0.0.1:28658", "127.0.0.1:28659");
        assertThat(validator.peerExchange()).isFalse();

        assertThat(settings("--datadir", dir.toString()).p2p())
                .as("devnet lists no seeds")
                .isEmpty();
    }

    @Test
    @DisplayName("localnet --network testnet writes the bundled genesis, the public validator keys and the seed ports")
    void localnetOfTheTestnet(@TempDir Path dir) throws IOException {
        Localnet net = new Localnet(dir);
        List<Path> nodes = net.createTestnet();
        assertThat(nodes).hasSize(TestnetValidators.COUNT);
        try (var in = Genesis.class.getResourceAsStream("genesis/testnet.json")) {
            assertThat(Files.readAllBytes(dir.resolve(Localnet.GENESIS))).isEqualTo(in.readAllBytes());
        }
        assertThat(net.network()).isEqualTo(Network.TESTNET);
        TestnetValidators keys = new TestnetValidators();
        for (int i = 0; i < nodes.size(); i++) {
            assertThat(Files.readString(nodes.get(i).resolve(Localnet.KEY)).strip())
                    .isEqualTo(HexFormat.of().formatHex(keys.key(i).seed()));
            assertThat(Localnet.p2pPort(nodes.get(i))).hasValue(SEED_PORTS.get(i));
        }
        assertThatThrownBy(net::createTestnet)
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_EXISTS"));
    }

    @Test
    @Timeout(60)
    @DisplayName("a devnet node refuses a testnet node in the handshake: WRONG_CHAIN")
    void otherNetworkRefused(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path devnetDir = dir.resolve("devnet");
        try (RunningNode devnet = RunningNode.startWith(
                devnetDir,
                "node",
                "--datadir",
                devnetDir.toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--p2p-port",
                String.valueOf(port))) {
            ChainParams testnet = Genesis.bundled(Network.TESTNET);
            Path t = dir.resolve("testnet");
            Files.createDirectories(t);
            P2pConfig config = P2pConfig.builder(
                            testnet.chainId(), Genesis.build(testnet).block().hash(), t)
                    .listen("127.0.0.1", 0)
                    .build();
            PeerNetwork network = NettyPeerNetworks.create(config, NodeKey.loadOrCreate(t, new SecureRandom()));
            try {
                network.start().get(10, TimeUnit.SECONDS);
                assertThatThrownBy(() -> network.dial(new InetSocketAddress("127.0.0.1", port))
                                .get(10, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOfSatisfying(
                                DisconnectException.class,
                                e -> assertThat(e.reason()).isEqualTo(DisconnectReason.WRONG_CHAIN));
                assertThat(network.peers()).isEmpty();
            } finally {
                network.stop().get(10, TimeUnit.SECONDS);
            }
            try (RpcClient c = RpcClient.forDataDir(devnet.dataDir())) {
                assertThat(c.call("net_info").get("peers")).isEmpty();
            }
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("C3: four testnet validators on their seed ports make blocks, and a node given no --peer follows them")
    void fourValidatorsAndAFollowerThroughTheSeeds(@TempDir Path dir) throws Exception {
        for (int p : SEED_PORTS) {
            try (ServerSocket s = new ServerSocket(p)) {
                assertThat(s.getLocalPort()).isEqualTo(p);
            } catch (IOException e) {
                Assumptions.abort("the testnet seed port " + p + " is taken on this computer");
            }
        }
        TestnetValidators keys = new TestnetValidators();
        List<RunningNode> validators = new ArrayList<>();
        try {
            for (int i = 0; i < TestnetValidators.COUNT; i++) {
                Path d = dir.resolve("v" + i);
                Files.createDirectories(d);
                Path key = d.resolve("validator.key");
                Files.writeString(key, HexFormat.of().formatHex(keys.key(i).seed()));
                validators.add(RunningNode.startWith(
                        d,
                        "node",
                        "--network",
                        "testnet",
                        "--datadir",
                        d.toString(),
                        "--rpc-port",
                        "0",
                        "--validator-key-file",
                        key.toString(),
                        "--p2p-port",
                        String.valueOf(SEED_PORTS.get(i))));
            }
            Path f = dir.resolve("follower");
            try (RunningNode follower = RunningNode.startWith(
                            f,
                            "node",
                            "--network",
                            "testnet",
                            "--datadir",
                            f.toString(),
                            "--rpc-port",
                            "0",
                            "--p2p-port",
                            "0");
                    RpcClient rf = RpcClient.forDataDir(f);
                    RpcClient r0 = RpcClient.forDataDir(validators.get(0).dataDir())) {
                assertThat(follower.outSoFar()).contains("CAS node on testnet (cas-testnet-2)");
                Await.until(Duration.ofSeconds(90), "the follower at height 3", () -> {
                    try {
                        return rf.call("chain_info").get("height").asLong() >= 3;
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
                assertThat(rf.call("chain_block", Map.of("height", 3)).get("hash"))
                        .isEqualTo(r0.call("chain_block", Map.of("height", 3)).get("hash"));
                assertThat(rf.call("chain_info").get("validator").asBoolean()).isFalse();
                assertThat(rf.call("net_info").get("peers").size()).isGreaterThanOrEqualTo(1);
            }
        } finally {
            for (RunningNode v : validators) {
                v.close();
            }
        }
    }
}
