package global.cas.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ChainParams;
import global.cas.crypto.KeyPair;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.node.NetworkSettings;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.Await;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.wallet.TransferBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nodes joined by the real peer-to-peer network (Netty, encrypted, on 127.0.0.1): every node
 * dials the ones started before it, so the validators are fully connected, as a small validator
 * set is configured with persistent peers.
 */
class PeerNetworkNodesTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int VALIDATORS = 3;

    @TempDir
    Path root;

    private final List<Node> nodes = new ArrayList<>();

    private static final int FIRST_KEY = 30;

    private static KeyPair key(int i) {
        return TestChain.validatorKey(FIRST_KEY, i);
    }

    private static ChainParams params() {
        return TestChain.withValidators(FIRST_KEY, VALIDATORS);
    }

    private Node start(String name, Optional<KeyPair> key) {
        return startWith(params(), root.resolve(name), key);
    }

    @AfterEach
    void stop() {
        for (Node n : nodes.reversed()) {
            n.close();
        }
    }

    private static void awaitAll(List<Node> ns, long height) throws InterruptedException {
        Await.until(
                LIMIT,
                "all at height " + height,
                () -> ns.stream().allMatch(n -> n.tip().height() >= height));
    }

    @Test
    @DisplayName("C1, C3, L2: validators on the network agree; a transfer sent to a follower reaches them by gossip")
    void validatorsAndFollowerOverTheNetwork() throws Exception {
        for (int i = 0; i < VALIDATORS; i++) {
            start("v" + i, Optional.of(key(i)));
        }
        List<Node> validators = List.copyOf(nodes);
        awaitAll(validators, 5);
        Node follower = start("follower", Optional.empty());
        Await.until(
                LIMIT,
                "the follower connected to every validator",
                () -> follower.connectedPeers().size() == VALIDATORS);
        long target = validators.get(0).tip().height() + 2;
        awaitAll(nodes, target);
        Await.until(
                LIMIT,
                "the follower knows each validator peer's height and index",
                () -> follower.networkSummary().peerList().stream()
                                .filter(p ->
                                        p.height().isPresent() && p.validator().isPresent())
                                .map(p -> p.validator().getAsInt())
                                .distinct()
                                .count()
                        == VALIDATORS);
        for (long h = 1; h <= target; h++) {
            var hash = validators.get(0).block(h).orElseThrow().hash();
            for (Node n : nodes) {
                assertThat(n.block(h).orElseThrow().hash()).as("block %d", h).isEqualTo(hash);
            }
        }

        KeyPair from = TestChain.funded(3);
        KeyPair to = TestKeys.key(45);
        Transaction tx = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE)
                .pay(
                        follower.spendableOutputs(from.address()),
                        Map.of(from.address(), from),
                        List.of(new TxOutput(to.address(), AssetId.CAS, Amounts.cas(3))),
                        from.address(),
                        follower.tip().height() + 1_000);
        follower.submit(tx).join();
        Await.until(
                LIMIT,
                "the transfer committed everywhere",
                () -> nodes.stream().allMatch(n -> n.transaction(tx.id()).isPresent()));
        for (Node n : nodes) {
            assertThat(n.balance(to.address(), AssetId.CAS)).isEqualTo(Amounts.cas(3));
        }
    }

    @Test
    @DisplayName(
            "C3: a validator whose chain files were moved aside syncs again from genesis, keeps its node key, and signs"
                    + " no height its write-ahead log shows it signed; the chain goes on without a double sign")
    void validatorResyncsFromAnEmptyChainFolder() throws Exception {
        int validators = 4;
        ChainParams four = TestChain.withValidators(FIRST_KEY, validators);
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            dirs.add(root.resolve("r" + i));
            startWith(four, dirs.get(i), Optional.of(key(i)));
        }
        awaitAll(List.copyOf(nodes), 20);
        Node last = nodes.removeLast();
        String nodeId = last.peerNetwork().orElseThrow().localId().hex();
        last.close();
        // what a person does when the chain file is refused as damaged: move the chain aside
        Path aside = Files.createDirectories(root.resolve("aside"));
        for (String f : List.of("chain.mv.db", "chain.trace.db", global.cas.store.TipMarker.FILE_NAME)) {
            Path file = dirs.get(3).resolve(f);
            if (Files.exists(file)) {
                Files.move(file, aside.resolve(f));
            }
        }
        assertThat(dirs.get(3).resolve("consensus.wal")).exists();
        long othersAt = nodes.get(0).tip().height();
        Node again = startWith(four, dirs.get(3), Optional.of(key(3)));
        assertThat(again.peerNetwork().orElseThrow().localId().hex()).isEqualTo(nodeId);
        awaitAll(nodes, othersAt + 10);
        for (long h = 1; h <= othersAt + 10; h++) {
            var hash = nodes.get(0).block(h).orElseThrow().hash();
            for (Node n : nodes) {
                assertThat(n.block(h).orElseThrow().hash()).as("block %d", h).isEqualTo(hash);
            }
        }
        for (Node n : nodes) {
            assertThat(n.consensusStatus().orElseThrow().equivocationsSeen()).isZero();
            assertThat(n.consensusStatus().orElseThrow().halted()).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "a peer added in Settings is dialled at once, saved, and dialled again at the next start; removed, it is not")
    void peerAddedInSettings() throws Exception {
        for (int i = 0; i < VALIDATORS; i++) {
            start("v" + i, Optional.of(key(i)));
        }
        awaitAll(List.copyOf(nodes), 3);
        int port = nodes.get(0)
                .peerNetwork()
                .orElseThrow()
                .listenAddress()
                .orElseThrow()
                .getPort();
        Path dir = root.resolve("alone");
        Node alone = lonelyFollower(dir);
        assertThat(alone.connectedPeers()).isEmpty();
        assertThat(alone.addPersistentPeer("127.0.0.1:" + port))
                .isEqualTo(global.cas.node.query.PersistentPeerSettings.PeerAdded.DIALLING);
        assertThat(alone.addPersistentPeer("127.0.0.1:" + port))
                .isEqualTo(global.cas.node.query.PersistentPeerSettings.PeerAdded.ALREADY_KEPT);
        Await.until(
                LIMIT, "the added peer connected", () -> !alone.connectedPeers().isEmpty());
        awaitAll(List.of(alone), 3);
        alone.close();
        nodes.remove(alone);

        Node again = lonelyFollower(dir);
        assertThat(again.persistentPeers()).containsExactly("127.0.0.1:" + port);
        Await.until(
                LIMIT,
                "the saved peer dialled at start",
                () -> !again.connectedPeers().isEmpty());
        assertThat(again.removePersistentPeer("127.0.0.1:" + port)).isTrue();
        assertThat(again.persistentPeers()).isEmpty();
        again.close();
        nodes.remove(again);
        assertThat(Files.readString(dir.resolve(global.cas.p2p.PersistentPeers.FILE_NAME)))
                .doesNotContain("127.0.0.1");
    }

    /** A follower on the network that dials nobody: only its saved peers, if any. */
    private Node lonelyFollower(Path dir) {
        Node n = Node.builder(new NodeConfig(dir, params(), Optional.empty(), 1_000, 100))
                .store(H2ChainStore::open)
                .producers(ConsensusBlockProducer.FACTORY)
                .network(NetworkSettings.of("127.0.0.1", 0, List.of(), false))
                .verifierThreads(1)
                .start();
        nodes.add(n);
        return n;
    }

    private Node startWith(ChainParams params, Path dir, Optional<KeyPair> key) {
        List<InetSocketAddress> peers = nodes.stream()
                .map(n -> n.peerNetwork().orElseThrow().listenAddress().orElseThrow())
                .map(a -> new InetSocketAddress("127.0.0.1", a.getPort()))
                .toList();
        Node n = Node.builder(new NodeConfig(dir, params, key, 1_000, 100))
                .store(H2ChainStore::open)
                .producers(ConsensusBlockProducer.FACTORY)
                .network(NetworkSettings.of("127.0.0.1", 0, peers, false))
                .verifierThreads(1)
                .start();
        nodes.add(n);
        return n;
    }
}
