package global.cas.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.ChainParams;
import global.cas.chain.Commit;
import global.cas.crypto.KeyPair;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.Await;
import global.cas.testing.LocalConsensusHub;
import global.cas.testing.TestChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real validator nodes (H2, chain thread, consensus thread, write-ahead log each) in one
 * process, joined by {@link LocalConsensusHub}: the node-level integration of the driver that the
 * seeded simulation checks in virtual time.
 */
class ValidatorNetworkTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int VALIDATORS = 4;

    @TempDir
    Path root;

    private final LocalConsensusHub hub = new LocalConsensusHub();
    private final List<Node> nodes = new ArrayList<>();

    private static final int FIRST_KEY = 20;

    private static KeyPair key(int i) {
        return TestChain.validatorKey(FIRST_KEY, i);
    }

    private static ChainParams params() {
        return TestChain.withValidators(FIRST_KEY, VALIDATORS);
    }

    private Node start(String name, Optional<KeyPair> key) {
        Node n = Node.builder(new NodeConfig(root.resolve(name), params(), key, 1_000, 100))
                .store(H2ChainStore::open)
                .producers(ConsensusBlockProducer.FACTORY)
                .consensusTransport(hub.transport(name))
                .verifierThreads(1)
                .start();
        nodes.add(n);
        return n;
    }

    private List<Node> startValidators() {
        List<Node> v = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            v.add(start("v" + i, Optional.of(key(i))));
        }
        return v;
    }

    @AfterEach
    void stop() {
        for (Node n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                // already closed by the test
            }
        }
    }

    private static void awaitAll(List<Node> ns, long height) throws InterruptedException {
        Await.until(
                LIMIT,
                "all at height " + height,
                () -> ns.stream().allMatch(n -> n.tip().height() >= height));
    }

    private static void assertSameChain(List<Node> ns, long upTo) {
        for (long h = 1; h <= upTo; h++) {
            var first = ns.get(0).block(h).orElseThrow().hash();
            for (Node n : ns) {
                assertThat(n.block(h).orElseThrow().hash()).as("block %d", h).isEqualTo(first);
            }
        }
    }

    @Test
    @DisplayName("C1, C3: four validators agree on every block; each commit holds more than 2/3 of the power")
    void fourValidatorsAgree() throws Exception {
        List<Node> v = startValidators();
        awaitAll(v, 8);
        assertSameChain(v, 8);
        for (long h = 1; h <= 8; h++) {
            Commit c = v.get(0).chain().store().commit(h).orElseThrow();
            assertThat(c.precommits().size()).as("precommits of block %d", h).isGreaterThanOrEqualTo(3);
        }
        assertThat(v.get(0).block(8).orElseThrow().header().time())
                .isGreaterThan(v.get(0).block(7).orElseThrow().header().time());
        assertThat(hub.misbehaviour()).isEmpty();
        assertThat(v).allMatch(Node::isValidator);
    }

    @Test
    @DisplayName("C1: with one validator of four cut off the other three go on; back, it catches up to the same chain")
    void oneCutOffThenBack() throws Exception {
        List<Node> v = startValidators();
        awaitAll(v, 3);
        hub.cut("v3", true);
        long at = v.get(0).tip().height();
        awaitAll(v.subList(0, 3), at + 6);
        hub.cut("v3", false);
        long target = v.get(0).tip().height() + 2;
        awaitAll(v, target);
        assertSameChain(v, target);
        assertThat(v.get(3).consensusStatus().orElseThrow().halted()).isEmpty();
    }

    @Test
    @DisplayName("C3: a full node without a key follows the validators, checking each commit itself")
    void followerFollows() throws Exception {
        List<Node> v = startValidators();
        awaitAll(v, 4);
        Node follower = start("follower", Optional.empty());
        assertThat(follower.isValidator()).isFalse();
        long target = v.get(0).tip().height() + 3;
        List<Node> all = new ArrayList<>(v);
        all.add(follower);
        awaitAll(all, target);
        assertSameChain(all, target);
        assertThat(follower.consensusStatus().orElseThrow().validatorIndex()).isEqualTo(-1);
    }

    @Test
    @DisplayName("C1: a validator stopped and started again replays its log and rejoins without a double sign")
    void validatorRestarts() throws Exception {
        List<Node> v = startValidators();
        awaitAll(v, 3);
        Node stopped = v.get(1);
        stopped.close();
        nodes.remove(stopped);
        hub.leave("v1");
        long at = v.get(0).tip().height();
        awaitAll(List.of(v.get(0), v.get(2), v.get(3)), at + 3);
        Node again = start("v1", Optional.of(key(1)));
        long target = v.get(0).tip().height() + 3;
        List<Node> now = List.of(v.get(0), again, v.get(2), v.get(3));
        awaitAll(now, target);
        assertSameChain(now, target);
        assertThat(again.consensusStatus().orElseThrow().signing()).isTrue();
        assertThat(now).allMatch(n -> n.consensusStatus().orElseThrow().equivocationsSeen() == 0);
    }
}
