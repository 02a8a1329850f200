package global.cas.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.CasCli;
import global.cas.app.RunningNode;
import global.cas.app.localnet.Localnet;
import global.cas.app.localnet.LocalnetFollower;
import global.cas.crypto.Hash;
import global.cas.rpc.RpcClient;
import global.cas.store.h2.H2ChainStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cas --localnet D} on JavaFX's Headless glass platform: the window opens with an embedded
 * full node of the localnet's chain in {@code D/desktop}, beside the localnet's validator, and
 * closes cleanly.
 */
class DesktopLocalnetTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    @DisplayName("the desktop on --localnet D runs D's chain in D/desktop, following its validator without a key")
    void opensOnTheLocalnet() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Localnet net = new Localnet(dir.resolve("ln"));
        net.create(1);
        Path v = net.node(0);
        Files.writeString(v.resolve(Localnet.P2P_PORT), port + "\n");
        Path desktop = net.dir().resolve(LocalnetFollower.DATA_DIR);
        Path shots = dir.resolve("shots");
        String genesisHash;
        try (RunningNode validator = RunningNode.localnetValidator(net, 0, port);
                RpcClient rv = RpcClient.forDataDir(v)) {
            genesisHash = rv.call("chain_info").get("genesisHash").asText();
            CasCli.Result r = CasCli.run(
                    "--localnet", net.dir().toString(), "--rpc-port", "0", "--screenshots", shots.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(shots.resolve("firstrun-en.png")).exists();
            assertThat(validator.outSoFar()).contains("producing blocks");
        }
        assertThat(desktop.resolve("rpc.port"))
                .as("the desktop's RPC server was closed with its node")
                .doesNotExist();
        assertThat(desktop.resolve("validator.key")).doesNotExist();
        try (H2ChainStore store = H2ChainStore.open(desktop)) {
            assertThat(store.blockHash(0).map(Hash::hex))
                    .as("the localnet's genesis, not a devnet of the desktop's own")
                    .contains(genesisHash);
        }
    }
}
