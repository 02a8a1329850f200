package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import global.cas.app.node.NodeModule;
import global.cas.app.node.NodeSettings;
import global.cas.crypto.Network;
import global.cas.node.Node;
import global.cas.rpc.RpcFiles;
import global.cas.rpc.RpcServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which RPC port a node takes when its port is taken, and how the command line finds it. */
@Timeout(60)
class RpcPortTest {
    /** A port another program holds while the test runs. */
    private static ServerSocket occupy() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
        return s;
    }

    @Test
    @DisplayName(
            "a taken default RPC port is replaced by a free one, recorded in the data folder, where status finds it")
    void takenDefaultPortIsReplaced(@TempDir Path dir) throws Exception {
        try (ServerSocket other = occupy()) {
            NodeSettings settings = new NodeSettings(
                    Network.DEVNET, dir, other.getLocalPort(), false, OptionalLong.of(100), Optional.empty());
            Injector node = CasCli.withInput("").cli().injector().createChildInjector(new NodeModule(settings));
            try (Node n = node.getInstance(Node.class);
                    RpcServer rpc = node.getInstance(RpcServer.class)) {
                assertThat(n.localOnly()).isTrue();
                assertThat(rpc.port()).isPositive().isNotEqualTo(other.getLocalPort());
                assertThat(RpcFiles.readPort(dir)).contains(rpc.port());
                CasCli.Result status = CasCli.run("status", "--datadir", dir.toString());
                assertThat(status.exitCode()).as(status.toString()).isZero();
                assertThat(status.out())
                        .contains("data       " + dir.toAbsolutePath().normalize());
            }
        }
    }

    @Test
    @DisplayName(
            "a taken --rpc-port is refused at start with PORT_IN_USE, before anything is written to the data folder")
    void takenGivenPortIsRefused(@TempDir Path dir) throws Exception {
        try (ServerSocket other = occupy()) {
            int port = other.getLocalPort();
            CasCli.Result r = CasCli.run("node", "--datadir", dir.toString(), "--rpc-port", String.valueOf(port));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines())
                    .containsExactly("error: PORT_IN_USE: The RPC port " + port
                            + " given with --rpc-port is taken by another program (perhaps another CAS node);"
                            + " choose another port, or leave --rpc-port out to use a free one.");
            assertThat(r.out()).isEmpty();
            assertThat(dir).as("nothing was written to the data folder").isEmptyDirectory();
        }
    }

    @Test
    @DisplayName("a node started after another took the default port prints the port it took")
    void fallbackIsPrinted(@TempDir Path dir) throws Exception {
        try (ServerSocket other = occupy()) {
            NodeSettings settings = new NodeSettings(
                    Network.DEVNET, dir, other.getLocalPort(), false, OptionalLong.of(100), Optional.empty());
            CasCli cli = CasCli.withInput("");
            var runner = cli.cli().injector().getInstance(global.cas.app.node.NodeRunner.class);
            var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.run(settings));
            try {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (!cli.outSoFar().contains("Devnet: ")) {
                    assertThat(run).isNotDone();
                    assertThat(System.nanoTime()).as(cli.outSoFar()).isLessThan(deadline);
                    Thread.sleep(20);
                }
            } finally {
                cli.cli()
                        .injector()
                        .getInstance(global.cas.app.node.StopSignal.class)
                        .request();
                assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            }
            assertThat(cli.outSoFar())
                    .contains("The RPC port " + other.getLocalPort()
                            + " was taken by another program, so this node took the free port ")
                    .contains(dir.resolve(RpcFiles.PORT_FILE).toString());
        }
    }

    @Test
    @DisplayName("without a node, the command line names the data folder and the command that starts its node")
    void noNodeNamesTheFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("my devnet");
        String start = " --datadir '" + folder.toAbsolutePath().normalize() + "'";
        String expected = "error: NODE_NOT_RUNNING: No node is running with the data folder "
                + folder.toAbsolutePath().normalize() + "%s; start one with 'cas node" + start
                + "' (or open the window with 'cas" + start + "').";

        CasCli.Result none = CasCli.run("status", "--datadir", folder.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.errLines()).containsExactly(expected.formatted(""));

        // a node that ended without removing its port file: nothing listens there any more
        int gone;
        try (ServerSocket s = occupy()) {
            gone = s.getLocalPort();
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(RpcFiles.PORT_FILE), gone + "\n", StandardCharsets.US_ASCII);
        Files.writeString(folder.resolve(RpcFiles.TOKEN_FILE), "a".repeat(64) + "\n", StandardCharsets.US_ASCII);
        CasCli.Result staleStatus = CasCli.run("status", "--datadir", folder.toString());
        assertThat(staleStatus.errLines())
                .containsExactly(
                        expected.formatted(" (its rpc.port names 127.0.0.1:" + gone + ", where nothing answers)"));
    }

    @Test
    @DisplayName("a port file left behind that names another folder's node is not taken for this folder's node")
    void stalePortOfAnotherNode(@TempDir Path a, @TempDir Path b) throws Exception {
        try (RunningNode nodeA = RunningNode.start(a)) {
            int portA = RpcFiles.readPort(nodeA.dataDir()).orElseThrow();
            Files.writeString(b.resolve(RpcFiles.PORT_FILE), portA + "\n", StandardCharsets.US_ASCII);
            Files.writeString(b.resolve(RpcFiles.TOKEN_FILE), "b".repeat(64) + "\n", StandardCharsets.US_ASCII);
            CasCli.Result r = CasCli.run("status", "--datadir", b.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "error: NODE_NOT_RUNNING: No node is running with the data folder "
                                    + b.toAbsolutePath().normalize() + " (the program on 127.0.0.1:" + portA
                                    + ", named by its rpc.port, is not this folder's node); start one with 'cas node --datadir ");
        }
    }
}
