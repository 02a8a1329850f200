package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.localnet.Localnet;
import global.cas.rpc.RpcClient;
import global.cas.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cas localnet}: four validators as four separate JVMs on loopback. Every wait is bounded;
 * the nodes are stopped (SIGTERM, then killed) whatever happens.
 */
class LocalnetProcessTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private CasCli.Result cas(String... args) {
        return CasCli.withInput("").execute(args);
    }

    @AfterEach
    void stop() {
        cas("localnet", "stop", "--dir", dir.toString());
        for (Path n : new Localnet(dir).nodes()) {
            Localnet.process(n).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static long height(Path node) {
        try (RpcClient c = RpcClient.forDataDir(node)) {
            return c.call("chain_info").get("height").asLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String hashAt(Path node, long h) {
        try (RpcClient c = RpcClient.forDataDir(node)) {
            return c.call("chain_block", Map.of("height", h)).get("hash").asText();
        }
    }

    private static void awaitAll(List<Path> nodes, long h) throws InterruptedException {
        Await.until(LIMIT, "nodes at height " + h, () -> nodes.stream().allMatch(n -> height(n) >= h));
    }

    private static void assertSameBlock(List<Path> nodes, long h) {
        String first = hashAt(nodes.get(0), h);
        for (Path n : nodes) {
            assertThat(hashAt(n, h)).as("block %d of %s", h, n).isEqualTo(first);
        }
    }

    @Test
    @DisplayName(
            "C1: four validator processes agree; one killed, three go on; two killed, the chain stops without a fork; restarted, all catch up")
    void fourProcesses() throws Exception {
        CasCli.Result started =
                cas("localnet", "start", "--validators", "4", "--dir", dir.toString(), "--block-interval-ms", "200");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).contains("node-3  rpc 127.0.0.1:");
        Localnet net = new Localnet(dir);
        List<Path> nodes = net.nodes();
        assertThat(nodes).hasSize(4);
        awaitAll(nodes, 5);
        assertSameBlock(nodes, 5);

        // kill -9 one validator: three of four are more than two thirds
        ProcessHandle p3 = Localnet.process(nodes.get(3)).orElseThrow();
        p3.destroyForcibly();
        p3.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        List<Path> three = nodes.subList(0, 3);
        long at = three.stream().mapToLong(LocalnetProcessTest::height).max().orElseThrow();
        awaitAll(three, at + 3);
        assertSameBlock(three, at + 3);

        // kill a second: two of four cannot commit; nothing is committed, nothing forks
        ProcessHandle p2 = Localnet.process(nodes.get(2)).orElseThrow();
        p2.destroyForcibly();
        p2.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        List<Path> two = nodes.subList(0, 2);
        Thread.sleep(1_500); // a block in flight may still be committed
        long stalled = height(two.get(0));
        Thread.sleep(3_000);
        assertThat(height(two.get(0))).as("no quorum: no block").isLessThanOrEqualTo(stalled + 1);
        assertThat(height(two.get(1))).isLessThanOrEqualTo(stalled + 1);

        // start the killed ones again: their write-ahead logs replay, all four go on on one chain
        CasCli.Result again = cas("localnet", "start", "--dir", dir.toString(), "--block-interval-ms", "200");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        long target = stalled + 4;
        awaitAll(nodes, target);
        assertSameBlock(nodes, target);
        CasCli.Result status = cas("localnet", "status", "--dir", dir.toString());
        assertThat(status.out())
                .contains("node-0  height")
                .doesNotContain("not running")
                .doesNotContain("STOPPED");
    }
}
