package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import global.cas.app.cli.CliException;
import global.cas.app.localnet.Localnet;
import global.cas.app.localnet.LocalnetFollower;
import global.cas.app.node.NodeModule;
import global.cas.app.node.NodeSettings;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.node.NetworkSettings;
import global.cas.rpc.RpcClient;
import global.cas.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cas --localnet D} (and {@code cas node --localnet D}): a full node following the localnet
 * of folder D, with D's genesis, D's nodes as peers, no validator key and its own data folder.
 */
class LocalnetFollowerTest {
    @TempDir
    Path dir;

    private static NodeSettings settings(String... args) {
        return ParsedNodeOptions.settings(args);
    }

    private static List<String> hostPorts(NetworkSettings n) {
        return n.persistentPeers().stream()
                .map(a -> a.getHostString() + ":" + a.getPort())
                .toList();
    }

    /** A localnet of {@code n} validators whose nodes were started on {@code ports} (as start records them). */
    private Localnet localnet(int... ports) throws IOException {
        Localnet net = new Localnet(dir.resolve("ln"));
        net.create(ports.length);
        for (int i = 0; i < ports.length; i++) {
            Files.writeString(net.node(i).resolve(Localnet.P2P_PORT), ports[i] + "\n");
        }
        return net;
    }

    private static Optional<KeyPair> validatorKey(NodeSettings s) {
        return Guice.createInjector(new NodeModule(s)).getInstance(Key.get(new TypeLiteral<Optional<KeyPair>>() {}));
    }

    @Test
    @DisplayName(
            "--localnet D: genesis D/genesis.json, peers the nodes' p2p ports, no validator key, data in D/desktop")
    void settingsResolve() throws IOException {
        Localnet net = localnet(30001, 30002, 30003);
        NodeSettings s = settings("--localnet", net.dir().toString());
        assertThat(s.genesisFile()).contains(net.dir().resolve(Localnet.GENESIS));
        assertThat(s.network()).isEqualTo(Network.DEVNET);
        assertThat(s.dataDir()).isEqualTo(net.dir().resolve(LocalnetFollower.DATA_DIR));
        assertThat(s.validatorKeyFile()).isEmpty();
        NetworkSettings p2p = s.p2p().orElseThrow();
        assertThat(hostPorts(p2p)).containsExactly("127.0.0.1:30001", "127.0.0.1:30002", "127.0.0.1:30003");
        assertThat(p2p.listenPort())
                .as("any free port: nobody dials the follower")
                .isZero();
        assertThat(p2p.peerExchange()).isTrue();
        assertThat(validatorKey(s)).as("not the devnet key, nor any other").isEmpty();

        NodeSettings more = settings(
                "--localnet",
                net.dir().toString(),
                "--datadir",
                dir.resolve("elsewhere").toString(),
                "--peer",
                "127.0.0.1:30009",
                "--p2p-port",
                "30010");
        assertThat(more.dataDir()).isEqualTo(dir.resolve("elsewhere").toAbsolutePath());
        assertThat(hostPorts(more.p2p().orElseThrow()))
                .containsExactly("127.0.0.1:30001", "127.0.0.1:30002", "127.0.0.1:30003", "127.0.0.1:30009");
        assertThat(more.p2p().orElseThrow().listenPort()).isEqualTo(30010);
    }

    @Test
    @DisplayName("a testnet localnet is followed on testnet, its network taken from its genesis")
    void testnetLocalnet() throws IOException {
        Localnet net = new Localnet(dir.resolve("tn"));
        net.createTestnet();
        NodeSettings s = settings("--localnet", net.dir().toString());
        assertThat(s.network()).isEqualTo(Network.TESTNET);
        assertThat(hostPorts(s.p2p().orElseThrow()))
                .containsExactly("127.0.0.1:28656", "127.0.0.1:28657", "127.0.0.1:28658", "127.0.0.1:28659");
        assertThat(settings("--localnet", net.dir().toString(), "--network", "testnet")
                        .network())
                .isEqualTo(Network.TESTNET);
        assertThat(validatorKey(s)).isEmpty();
    }

    @Test
    @DisplayName("what a follower cannot take is refused with a reason: another network, a key, a genesis, no localnet")
    void refusals() throws IOException {
        Localnet net = localnet(30001);
        String d = net.dir().toString();
        for (String[] args : List.of(
                new String[] {"--localnet", d, "--network", "testnet"},
                new String[] {"--localnet", d, "--genesis", d + "/genesis.json"},
                new String[] {"--localnet", d, "--validator-key-file", d + "/node-0/validator.key"},
                new String[] {"--localnet", d, "--block-interval-ms", "100"})) {
            assertThatThrownBy(() -> settings(args))
                    .as(String.join(" ", args))
                    .isInstanceOfSatisfying(
                            CliException.class, e -> assertThat(e.code()).isEqualTo("USAGE"));
        }
        assertThatThrownBy(() -> settings("--localnet", dir.resolve("none").toString()))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"))
                .hasMessageContaining("holds no localnet")
                .hasMessageContaining("cas localnet start --dir ");
        Localnet unstarted = new Localnet(dir.resolve("new"));
        unstarted.create(2);
        assertThatThrownBy(() -> settings("--localnet", unstarted.dir().toString()))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"))
                .hasMessageContaining("has a p2p port to follow yet");
        CasCli.Result r = CasCli.run("--localnet", d, "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: USAGE: --localnet does not apply to 'cas status'");
    }

    @Test
    @Timeout(90)
    @DisplayName("C3: cas node --localnet D follows the localnet's validator: same genesis, same blocks, no signing")
    void followsTheLocalnet() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Localnet net = localnet(port);
        Path v = net.node(0);
        try (RunningNode validator = RunningNode.localnetValidator(net, 0, port);
                RunningNode follower = RunningNode.startWith(
                        net.dir().resolve(LocalnetFollower.DATA_DIR),
                        "node",
                        "--localnet",
                        net.dir().toString(),
                        "--rpc-port",
                        "0");
                RpcClient rv = RpcClient.forDataDir(v);
                RpcClient rf = RpcClient.forDataDir(net.dir().resolve(LocalnetFollower.DATA_DIR))) {
            assertThat(validator.outSoFar()).contains("producing blocks");
            assertThat(follower.outSoFar())
                    .contains("cas-localnet-")
                    .contains("data folder " + net.dir().resolve(LocalnetFollower.DATA_DIR))
                    .doesNotContain("producing blocks");
            assertThat(rf.call("chain_info").get("genesisHash"))
                    .isEqualTo(rv.call("chain_info").get("genesisHash"));
            long target = rv.call("chain_info").get("height").asLong() + 3;
            Await.until(Duration.ofSeconds(60), "the follower at height " + target, () -> {
                try {
                    return rf.call("chain_info").get("height").asLong() >= target;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            assertThat(rf.call("chain_block", Map.of("height", target)).get("hash"))
                    .isEqualTo(rv.call("chain_block", Map.of("height", target)).get("hash"));
            assertThat(rf.call("chain_info").get("validator").asBoolean()).isFalse();
            assertThat(rf.call("net_info")
                            .get("consensus")
                            .get("validatorIndex")
                            .asInt())
                    .isEqualTo(-1);
        }
    }
}
