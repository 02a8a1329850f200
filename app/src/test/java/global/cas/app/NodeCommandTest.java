package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.rpc.RpcClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cas node} and {@code cas} alone, run in-process on temporary data folders. */
@Timeout(60)
class NodeCommandTest {
    @Test
    void casAloneStartsTheNodeWithHeadlessAndLangAndStopsCleanly(@TempDir Path dir) throws Exception {
        RunningNode node = RunningNode.startWith(
                dir,
                "--headless",
                "--lang",
                "zh",
                "--datadir",
                dir.toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100");
        assertThat(node.outSoFar())
                .containsPattern(
                        "CAS node on devnet \\(cas-devnet-1-[0-9a-f]{8}\\) at height \\d+, data folder .+, RPC on 127\\.0\\.0\\.1:\\d+");
        try (RpcClient rpc = RpcClient.forDataDir(dir)) {
            assertThat(rpc.call("chain_info").get("validator").asBoolean()).isTrue();
        }
        CasCli.Result r = node.stop();
        assertThat(r.out()).containsPattern("CAS node stopped at height \\d+\\.");
        assertThat(r.out().lines().filter(l -> l.startsWith("CAS node on"))).hasSize(1);
        assertThat(dir.resolve("rpc.port")).doesNotExist();
    }

    @Test
    void pruneStartsAPruningNodeThatSaysSoInChainInfo(@TempDir Path dir) throws Exception {
        RunningNode node = RunningNode.startWith(
                dir,
                "node",
                "--datadir",
                dir.toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--prune",
                "1000");
        try (RpcClient rpc = RpcClient.forDataDir(dir)) {
            var info = rpc.call("chain_info");
            assertThat(info.get("pruned").asBoolean()).isTrue();
            assertThat(info.get("pruneHeight").asLong())
                    .as("nothing is 1,000 blocks old yet")
                    .isZero();
        } finally {
            node.close();
        }
    }

    @Test
    void aSecondNodeOnTheSameDataFolderFailsWithTheAlreadyOpenMessage(@TempDir Path dir) throws Exception {
        RunningNode first = RunningNode.start(dir);
        try {
            CasCli.Result second = CasCli.run("node", "--datadir", dir.toString(), "--rpc-port", "0");
            assertThat(second.exitCode()).isNotZero();
            assertThat(second.errLines())
                    .containsExactly("error: ALREADY_OPEN: CAS Wallet is already open with the data folder "
                            + dir.toAbsolutePath().normalize() + " (close the other window or use --datadir).");
            assertThat(second.out()).isEmpty();
            try (RpcClient rpc = RpcClient.forDataDir(dir)) {
                assertThat(rpc.call("chain_info").get("height").asLong()).isGreaterThanOrEqualTo(0);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aRestartContinuesFromTheStoredChain(@TempDir Path dir) throws Exception {
        RunningNode first = RunningNode.start(dir);
        long height;
        try (RpcClient rpc = RpcClient.forDataDir(dir)) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            do {
                Thread.sleep(20);
                height = rpc.call("chain_info").get("height").asLong();
            } while (height < 1 && System.nanoTime() < deadline);
        }
        first.stop();
        RunningNode again = RunningNode.start(dir);
        try (RpcClient rpc = RpcClient.forDataDir(dir)) {
            assertThat(height).isPositive();
            assertThat(rpc.call("chain_info").get("height").asLong()).isGreaterThanOrEqualTo(height);
        } finally {
            again.close();
        }
    }

    @Test
    void aDataFolderOfAnotherChainIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        RunningNode.start(dir).stop();
        CasCli.Result testnet =
                CasCli.run("node", "--network", "testnet", "--datadir", dir.toString(), "--rpc-port", "0");
        assertThat(testnet.exitCode()).isEqualTo(1);
        assertThat(testnet.errLines())
                .singleElement()
                .asString()
                .startsWith("error: NODE_START_FAILED: this data folder holds another chain")
                .endsWith("(details in "
                        + dir.toAbsolutePath().normalize().resolve("logs").resolve("cas.log") + ")");
    }

    @Test
    void aChainDatabaseThatLostBlocksIsRefusedInOneLineWithItsReasonCode(@TempDir Path dir) throws Exception {
        RunningNode.start(dir).stop();
        // the marker says more blocks were committed than the database holds (a cut file opens lower)
        new global.cas.store.TipMarker(dir)
                .write(new global.cas.store.TipMarker.Tip(1_000_000, global.cas.crypto.Hash.sha256(new byte[] {1})));
        CasCli.Result behind = CasCli.run("node", "--datadir", dir.toString(), "--rpc-port", "0");
        assertThat(behind.exitCode()).isEqualTo(1);
        assertThat(behind.errLines())
                .singleElement()
                .asString()
                .startsWith("error: CHAIN_DATA_BEHIND: The chain data in the data folder is older than the last block")
                .contains("restore the data folder from a backup")
                .doesNotContain("Exception");
        assertThat(behind.out()).isEmpty();
    }

    @Test
    void wrongNodeOptionsAreOneLineUsageErrors(@TempDir Path dir) {
        CasCli.Result interval =
                CasCli.run("node", "--network", "testnet", "--datadir", dir.toString(), "--block-interval-ms", "100");
        assertThat(interval.exitCode()).isEqualTo(2);
        assertThat(interval.errLines())
                .containsExactly(
                        "error: USAGE: --block-interval-ms is for devnet only; testnet keeps its genesis interval.");

        CasCli.Result prune = CasCli.run("node", "--datadir", dir.toString(), "--prune", "999");
        assertThat(prune.exitCode()).isEqualTo(2);
        assertThat(prune.errLines()).containsExactly("error: USAGE: --prune keeps at least 1000 blocks, not 999.");

        CasCli.Result lang = CasCli.run("--lang", "fr", "--datadir", dir.toString());
        assertThat(lang.exitCode()).isEqualTo(2);
        assertThat(lang.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: Invalid value for option '--lang'");

        CasCli.Result network = CasCli.run("node", "--network", "moon", "--datadir", dir.toString());
        assertThat(network.exitCode()).isEqualTo(2);
        assertThat(network.errLines()).singleElement().asString().contains("'moon' is not a network");

        CasCli.Result unknown = CasCli.run("node", "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines())
                .containsExactly("error: USAGE: Unknown option: '--frobnicate' (see 'cas node --help').");
    }

    @Test
    void helpListsTheCommands() {
        CasCli.Result help = CasCli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("node", "wallet", "send", "block", "tx", "status", "mine", "--headless", "--lang");
    }
}
