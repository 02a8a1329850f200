package global.cas.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.chain.ChainParams;
import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.StoredEvidence;
import global.cas.chain.VoteKind;
import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.consensus.driver.ConsensusTransport;
import global.cas.crypto.Network;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.rpc.RpcClient;
import global.cas.rpc.RpcServer;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.Await;
import global.cas.testing.LocalConsensusHub;
import global.cas.testing.TestChain;
import global.cas.testing.TestEvidence;
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
 * C4 across a network of validator nodes in one process ({@link LocalConsensusHub}): a genesis of
 * four validators, three of them running; the fourth's key signs two prevotes for one slot and
 * different values, sent to every node as a twin would. The double sign is recorded in a committed
 * block, the same on every node and on a follower that syncs later, and listed by the RPC.
 */
class EvidenceNetworkTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int FIRST_KEY = 40;
    private static final int VALIDATORS = 4;
    private static final int TWIN = 3;

    @TempDir
    Path root;

    private final LocalConsensusHub hub = new LocalConsensusHub();
    private final List<Node> nodes = new ArrayList<>();

    private static ChainParams params() {
        return TestChain.withValidators(FIRST_KEY, VALIDATORS);
    }

    private Node start(String name, Optional<global.cas.crypto.KeyPair> key) {
        Node n = Node.builder(new NodeConfig(root.resolve(name), params(), key, 1_000, 100))
                .store(H2ChainStore::open)
                .producers(ConsensusBlockProducer.FACTORY)
                .consensusTransport(hub.transport(name))
                .verifierThreads(1)
                .start();
        nodes.add(n);
        return n;
    }

    @AfterEach
    void stop() {
        for (Node n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }

    private static List<StoredEvidence> recorded(Node n) {
        return n.recordedEvidence(-1, 100);
    }

    @Test
    @DisplayName("C4: two conflicting votes of one validator, seen by the nodes of a four-validator network, end up in"
            + " a committed block on every node, and on a follower that syncs later")
    void doubleSignRecordedOnEveryNode() throws Exception {
        List<Node> running = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            if (i != TWIN) {
                running.add(start("v" + i, Optional.of(TestChain.validatorKey(FIRST_KEY, i))));
            }
        }
        Await.until(
                LIMIT,
                "three validators at height 2",
                () -> running.stream().allMatch(n -> n.tip().height() >= 2));

        // the twin signs two prevotes for the height the nodes are at, again at a later height until
        // one node has taken a pair (a node that moved on meanwhile ignores votes of a past height)
        ConsensusTransport twin = hub.transport("twin");
        twin.onMessage((peer, m) -> {});
        long height = 0;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (running.stream()
                .allMatch(n -> n.pendingEvidence() == 0 && recorded(n).isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no node took the twin's votes");
            }
            height = running.get(0).tip().height() + 1;
            for (Vote v : TestEvidence.conflictingVotes(
                    TestChain.validatorKey(FIRST_KEY, TWIN), TestChain.CHAIN_ID, VoteType.PREVOTE, height, 0, TWIN)) {
                twin.broadcast(new ConsensusMessage.VoteMessage(v));
            }
            Thread.sleep(300);
        }

        Await.until(
                LIMIT,
                "the double sign recorded on every validator",
                () -> running.stream().allMatch(n -> !recorded(n).isEmpty()));
        List<StoredEvidence> onV0 = recorded(running.get(0));
        assertThat(onV0).isNotEmpty();
        // the evidence rows are stored with their block; the tip in memory follows just after
        long through = onV0.get(onV0.size() - 1).blockHeight();
        Await.until(
                LIMIT,
                "every validator past block " + through,
                () -> running.stream().allMatch(n -> n.tip().height() >= through));
        for (StoredEvidence s : onV0) {
            DoubleSignEvidence e = s.evidence();
            assertThat(e.validator()).isEqualTo(TWIN);
            assertThat(e.kind()).isEqualTo(VoteKind.PREVOTE);
            assertThat(e.round()).isZero();
            assertThat(e.height()).isLessThanOrEqualTo(height).isLessThanOrEqualTo(s.blockHeight());
            assertThat(List.of(e.first().value(), e.second().value()))
                    .containsExactlyInAnyOrder(TestEvidence.value("a"), TestEvidence.value("b"));
            assertThat(running.get(0).block(s.blockHeight()).orElseThrow().evidence())
                    .contains(e);
        }
        for (Node n : running) {
            assertThat(recorded(n).subList(0, onV0.size()))
                    .as("the same records on every node")
                    .isEqualTo(onV0);
            assertThat(n.block(through).orElseThrow().hash())
                    .isEqualTo(running.get(0).block(through).orElseThrow().hash());
        }
        assertThat(running).anyMatch(n -> n.consensusStatus().orElseThrow().equivocationsSeen() > 0);

        // the RPC lists it, with the twin's address
        Path v0 = root.resolve("v0");
        try (RpcServer server = RpcServer.start(running.get(0), v0, 0);
                RpcClient client = new RpcClient(
                        server.port(), global.cas.rpc.RpcFiles.readToken(v0).orElseThrow())) {
            List<JsonNode> listed = client.callAll("evidence_list", Map.of("limit", 1), "evidence");
            assertThat(listed).hasSizeGreaterThanOrEqualTo(onV0.size());
            JsonNode first = listed.get(0);
            assertThat(first.get("validator").asText())
                    .isEqualTo(TestChain.validatorKey(FIRST_KEY, TWIN).address().encode(Network.DEVNET));
            assertThat(first.get("type").asText()).isEqualTo("prevote");
            assertThat(first.get("blockHeight").asLong()).isEqualTo(onV0.get(0).blockHeight());
            assertThat(first.get("votes")).hasSize(2);
            assertThat(first.get("hash").asText())
                    .isEqualTo(onV0.get(0).evidence().hash().hex());
        }

        // a follower that syncs the chain validates the blocks that carry the evidence
        Node follower = start("follower", Optional.empty());
        Await.until(
                LIMIT,
                "the follower past block " + through,
                () -> follower.tip().height() >= through);
        // stored with the run that carried them; the tip is published after the store (decision 37)
        Await.until(
                LIMIT,
                "the follower's evidence stored",
                () -> recorded(follower).size() >= onV0.size());
        assertThat(recorded(follower).subList(0, onV0.size())).isEqualTo(onV0);
        assertThat(hub.misbehaviour()).isEmpty();
    }
}
