package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.chain.StatusCommand;
import global.cas.rpc.RpcFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rpc HOST:PORT}: the node a command talks to, instead of the data folder's rpc.port. */
@Timeout(60)
class RpcOptionTest {
    /** A port of 127.0.0.1 where nothing listens (taken, then freed). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            return s.getLocalPort();
        }
    }

    @Test
    @DisplayName("status --rpc 127.0.0.1:<port> prints the status of the node there, the data folder giving the token")
    void statusOfTheNodeThere(@TempDir Path nodeDir, @TempDir Path other) throws Exception {
        try (RunningNode node = RunningNode.start(nodeDir)) {
            int port = RpcFiles.readPort(node.dataDir()).orElseThrow();
            String address = "127.0.0.1:" + port;

            CasCli.Result same = CasCli.run("status", "--rpc", address, "--datadir", nodeDir.toString());
            assertThat(same.exitCode()).as(same.toString()).isZero();
            assertThat(same.out()).contains("network    devnet").contains("node       " + address + " (--rpc)");
            assertThat(same.out()).contains(StatusCommand.LOCAL_ONLY);

            // another folder without rpc.port: only the token is read from it
            Files.copy(nodeDir.resolve(RpcFiles.TOKEN_FILE), other.resolve(RpcFiles.TOKEN_FILE));
            CasCli.Result there = CasCli.run("status", "--datadir", other.toString(), "--rpc", address);
            assertThat(there.exitCode()).as(there.toString()).isZero();
            assertThat(there.out())
                    .contains("height     ")
                    .contains("data       " + other.toAbsolutePath().normalize());
            CasCli.Result before = CasCli.run("--rpc", address, "--datadir", other.toString(), "status");
            assertThat(before.exitCode()).as(before.toString()).isZero();
            assertThat(before.out()).contains("node       " + address + " (--rpc)");
            CasCli.Result url = CasCli.run("status", "--datadir", other.toString(), "--rpc", "http://" + address + "/");
            assertThat(url.exitCode()).as(url.toString()).isZero();
            assertThat(url.out()).contains("node       " + address + " (--rpc)");
            CasCli.Result json = CasCli.run("status", "--datadir", other.toString(), "--rpc", address, "--json");
            assertThat(json.exitCode()).as(json.toString()).isZero();
            assertThat(json.out()).contains("\"chainId\"");
        }
    }

    @Test
    @DisplayName("--rpc to a port where nothing answers is NODE_NOT_RUNNING, naming the address")
    void closedPort(@TempDir Path dir) throws Exception {
        int port = closedPort();
        CasCli.Result r = CasCli.run("status", "--datadir", dir.toString(), "--rpc", "127.0.0.1:" + port);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "error: NODE_NOT_RUNNING: No node answers at 127.0.0.1:" + port
                                + ", the address given with --rpc; check the address, or start the node there with 'cas node'.");
    }

    @Test
    @DisplayName("a malformed --rpc is a usage error that says what is wrong")
    void malformed(@TempDir Path dir) {
        for (String bad :
                new String[] {"127.0.0.1", "127.0.0.1:", ":8545", "127.0.0.1:99999", "localhost:port", "::1:8545"}) {
            CasCli.Result r = CasCli.run("status", "--datadir", dir.toString(), "--rpc", bad);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.errLines())
                    .as(bad)
                    .singleElement()
                    .asString()
                    .startsWith("error: USAGE: ")
                    .contains("'" + bad
                            + "' is not a node address HOST:PORT (or http://HOST:PORT/) such as 127.0.0.1:8545: ");
        }
        assertThat(dir).as("nothing was written to the data folder").isEmptyDirectory();
    }

    @Test
    @DisplayName("--rpc is refused where no command talks to a node: the window, and commands without a node")
    void refusedElsewhere(@TempDir Path dir) {
        CasCli.Result window = CasCli.run("--datadir", dir.toString(), "--rpc", "127.0.0.1:8545", "--headless");
        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: --rpc names the node of status, block, tx, send, wallet balance or mine");
        CasCli.Result create = CasCli.run("--datadir", dir.toString(), "--rpc", "127.0.0.1:8545", "wallet", "create");
        assertThat(create.exitCode()).isEqualTo(2);
        assertThat(create.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: ")
                .contains("--rpc");
        assertThat(dir).as("nothing was written to the data folder").isEmptyDirectory();
    }

    @Test
    @DisplayName("a node of another network at --rpc is refused with WRONG_NETWORK")
    void otherNetwork(@TempDir Path nodeDir, @TempDir Path other) throws Exception {
        try (RunningNode node = RunningNode.start(nodeDir)) {
            String address = "127.0.0.1:" + RpcFiles.readPort(node.dataDir()).orElseThrow();
            Files.copy(nodeDir.resolve(RpcFiles.TOKEN_FILE), other.resolve(RpcFiles.TOKEN_FILE));
            CasCli.Result r =
                    CasCli.run("status", "--network", "testnet", "--datadir", other.toString(), "--rpc", address);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines())
                    .containsExactly("error: WRONG_NETWORK: The node at " + address
                            + " (--rpc) runs devnet, not testnet (use --network devnet).");
        }
    }

    @Test
    @DisplayName("a data folder without the node's token is told how to get it")
    void wrongToken(@TempDir Path nodeDir, @TempDir Path other) throws Exception {
        try (RunningNode node = RunningNode.start(nodeDir)) {
            String address = "127.0.0.1:" + RpcFiles.readPort(node.dataDir()).orElseThrow();
            CasCli.Result r = CasCli.run("block", "0", "--datadir", other.toString(), "--rpc", address);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines())
                    .singleElement()
                    .asString()
                    .startsWith("error: UNAUTHORIZED: The node at " + address + " (--rpc) refused a call without token")
                    .contains(
                            "copy its rpc.token into " + other.toAbsolutePath().normalize());
        }
    }
}
