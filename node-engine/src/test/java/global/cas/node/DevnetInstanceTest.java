package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.ChainParams;
import global.cas.chain.DevnetInstance;
import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.store.h2.H2ChainStore;
import global.cas.wallet.TransferBuilder;
import global.cas.wallet.keys.DevnetAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 18: every devnet data folder has its own chain; testnet and mainnet keep a fixed genesis. */
class DevnetInstanceTest {
    private static final ChainParams DEVNET = Genesis.bundled(Network.DEVNET);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path a;

    @TempDir
    Path b;

    private static ChainParams devnetOf(Path dir) throws IOException {
        return DevnetInstanceFile.params(DEVNET, dir, false, RANDOM);
    }

    @Test
    @DisplayName("two devnet data folders get two chains: other chain ids and genesis hashes, the same faucet")
    void twoFoldersTwoChains() throws IOException {
        ChainParams pa = devnetOf(a);
        ChainParams pb = devnetOf(b);
        assertThat(pa.chainId()).matches("cas-devnet-1-[0-9a-f]{8}");
        assertThat(pb.chainId()).matches("cas-devnet-1-[0-9a-f]{8}").isNotEqualTo(pa.chainId());
        assertThat(Genesis.build(pa).block().hash())
                .isNotEqualTo(Genesis.build(pb).block().hash())
                .isNotEqualTo(Genesis.build(DEVNET).block().hash());
        assertThat(pa.allocations()).isEqualTo(pb.allocations()).isEqualTo(DEVNET.allocations());
        assertThat(pa.validators()).isEqualTo(DEVNET.validators());
        assertThat(pa.localOnly()).isTrue();
        assertThat(a.resolve(DevnetInstanceFile.FILE_NAME)).content().matches("[0-9a-f]{32}\\s*");
    }

    @Test
    @DisplayName("a devnet folder keeps its instance: a restart runs the same chain")
    void sameFolderSameChain() throws IOException {
        ChainParams first = devnetOf(a);
        ChainParams again = DevnetInstanceFile.params(DEVNET, a, true, RANDOM);
        assertThat(again).isEqualTo(first);
        assertThat(Genesis.build(again).block().hash())
                .isEqualTo(Genesis.build(first).block().hash());
    }

    @Test
    @DisplayName("the whole 16-byte salt is in the genesis: two instances with the same short id differ")
    void wholeSaltCommitted() {
        ChainParams x = DEVNET.withInstance(new DevnetInstance("3fa9c2d1" + "0".repeat(24)));
        ChainParams y = DEVNET.withInstance(new DevnetInstance("3fa9c2d1" + "0".repeat(23) + "1"));
        assertThat(x.chainId()).isEqualTo(y.chainId()).isEqualTo("cas-devnet-1-3fa9c2d1");
        assertThat(Genesis.build(x).block().hash())
                .isNotEqualTo(Genesis.build(y).block().hash());
    }

    @Test
    @DisplayName("L4: a transfer signed for devnet A is refused by devnet B with WRONG_CHAIN, and A takes it")
    void transferForOneDevnetRefusedByAnother() throws IOException {
        KeyPair faucet = new DevnetAccounts().faucetKey(0);
        try (Node nodeA = Node.start(new NodeConfig(a, devnetOf(a), Optional.empty(), 100, 1000), H2ChainStore::open);
                Node nodeB =
                        Node.start(new NodeConfig(b, devnetOf(b), Optional.empty(), 100, 1000), H2ChainStore::open)) {
            assertThat(nodeA.genesisHash()).isNotEqualTo(nodeB.genesisHash());
            assertThat(nodeA.localOnly()).isTrue();
            Transaction forA = new TransferBuilder(
                            nodeA.params().chainId(), nodeA.params().minFeePerByte())
                    .pay(
                            nodeA.spendableOutputs(faucet.address()),
                            Map.of(faucet.address(), faucet),
                            List.of(new TxOutput(faucet.address(), AssetId.CAS, Amounts.cas(5))),
                            faucet.address(),
                            nodeA.tip().height() + 100);
            assertThatThrownBy(() -> nodeB.submit(forA).join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            RejectedException.class, r -> assertThat(r.reason()).isEqualTo(Reason.WRONG_CHAIN))
                    .hasMessageContaining(nodeA.params().chainId())
                    .hasMessageContaining(nodeB.params().chainId());
            assertThat(nodeA.submit(forA).join()).isEqualTo(forA.id());
        }
    }

    @Test
    @DisplayName("a devnet folder made before per-folder devnets keeps its fixed genesis")
    void olderFolderKeepsItsChain() throws IOException {
        assertThat(DevnetInstanceFile.params(DEVNET, a, true, RANDOM)).isEqualTo(DEVNET);
        assertThat(a.resolve(DevnetInstanceFile.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("a damaged instance file is refused, naming the file, and is left as it was")
    void damagedFileRefused() throws IOException {
        Path file = a.resolve(DevnetInstanceFile.FILE_NAME);
        Files.writeString(file, "not hex\n");
        assertThatThrownBy(() -> devnetOf(a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged");
        assertThat(file).hasContent("not hex");
    }

    @Test
    @DisplayName("testnet and mainnet keep one fixed genesis, shared by every computer")
    void publicNetworksFixed() {
        for (Network n : List.of(Network.TESTNET, Network.MAINNET)) {
            ChainParams p = Genesis.bundled(n);
            assertThat(p.instance()).isEmpty();
            assertThat(p.localOnly()).isFalse();
            assertThat(Genesis.build(p).block().hash())
                    .isEqualTo(Genesis.build(Genesis.bundled(n)).block().hash());
            assertThatThrownBy(() -> p.withInstance(DevnetInstance.random(RANDOM)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
