package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.node.DevnetInstanceFile;
import global.cas.rpc.RpcClient;
import global.cas.testing.Await;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two devnet nodes of one chain through the command line: the second folder holds a copy of the
 * first's devnet instance file, so both have the same genesis, and it is given the first as a peer.
 */
class DevnetPeersTest {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long height(RpcClient c) throws Exception {
        return c.call("chain_info").get("height").asLong();
    }

    @Test
    @DisplayName("C3: a devnet node given --peer follows the validator over the network and holds the same blocks")
    void followerJoinsValidator(@TempDir Path a, @TempDir Path b) throws Exception {
        int port = freePort();
        try (RunningNode validator = RunningNode.startWith(
                a,
                "node",
                "--datadir",
                a.toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--p2p-port",
                String.valueOf(port))) {
            assertThat(validator.dataDir()).isEqualTo(a);
            Files.copy(a.resolve(DevnetInstanceFile.FILE_NAME), b.resolve(DevnetInstanceFile.FILE_NAME));
            try (RunningNode follower = RunningNode.startWith(
                            b,
                            "node",
                            "--datadir",
                            b.toString(),
                            "--rpc-port",
                            "0",
                            "--p2p-port",
                            "0",
                            "--peer",
                            "127.0.0.1:" + port);
                    RpcClient ra = RpcClient.forDataDir(a);
                    RpcClient rb = RpcClient.forDataDir(b)) {
                assertThat(follower.dataDir()).isEqualTo(b);
                assertThat(rb.call("chain_info").get("genesisHash"))
                        .isEqualTo(ra.call("chain_info").get("genesisHash"));
                assertThat(rb.call("chain_info").get("validator").asBoolean()).isFalse();
                long target = height(ra) + 3;
                Await.until(Duration.ofSeconds(60), "the follower at height " + target, () -> {
                    try {
                        return height(rb) >= target;
                    } catch (Exception e) {
                        return false;
                    }
                });
                assertThat(rb.call("chain_block", Map.of("height", target)).get("hash"))
                        .isEqualTo(
                                ra.call("chain_block", Map.of("height", target)).get("hash"));
                var net = rb.call("net_info");
                assertThat(net.get("peers")).hasSize(1);
                assertThat(net.get("consensus").get("validatorIndex").asInt()).isEqualTo(-1);
                assertThat(ra.call("net_info").get("consensus").get("signing").asBoolean())
                        .isTrue();
            }
        }
    }
}
