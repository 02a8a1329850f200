package global.cas.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Double signs passed on between nodes (C4): a follower's driver, which never proposes, hands a
 * checked double sign to its chain and to every peer, so a validator's next block can record it;
 * what does not hold is refused and its sender reported.
 */
class EvidenceRelayTest {
    private static final String CHAIN = Simulation.CHAIN;

    private static Hash value(String s) {
        return Hash.sha256(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static Vote prevote(KeyPair key, int validator, Hash value) {
        return Vote.sign(key, CHAIN, VoteType.PREVOTE, 1, 0, value, Simulation.EPOCH, validator);
    }

    @Test
    @DisplayName("C4: evidence from a peer is checked, handed to the chain and sent on to every peer, once per slot")
    void checkedHandedAndSentOnOnce() {
        DriverHarness h = new DriverHarness("evidence relay", -1); // a follower: it never proposes
        Vote a = prevote(h.keys.get(2), 2, value("block a"));
        Vote b = prevote(h.keys.get(2), 2, value("block b"));
        var m = new ConsensusMessage.EvidenceMessage(a, b);
        h.driver.receive("p1", m);
        h.driver.receive("p2", m); // the same double sign from another peer: not again
        h.driver.receive("p1", new ConsensusMessage.EvidenceMessage(b, a));

        assertThat(h.misbehaved).isEmpty();
        assertThat(h.chain.evidence).singleElement().satisfies(pair -> {
            assertThat(pair[0]).isEqualTo(a);
            assertThat(pair[1]).isEqualTo(b);
        });
        assertThat(h.broadcasts.stream().filter(x -> x instanceof ConsensusMessage.EvidenceMessage))
                .containsExactly(m);
    }

    @Test
    @DisplayName(
            "C4: evidence whose votes are not one validator's double sign, or not signed by it, is refused and its sender reported")
    void refused() {
        DriverHarness h = new DriverHarness("evidence refused", -1);
        Vote a = prevote(h.keys.get(1), 1, value("a"));
        h.driver.receive("same", new ConsensusMessage.EvidenceMessage(a, a));
        Vote otherValidator = prevote(h.keys.get(3), 3, value("b"));
        h.driver.receive("slots", new ConsensusMessage.EvidenceMessage(a, otherValidator));
        Vote forged = prevote(KeyPair.fromSeed(new byte[32]), 1, value("c"));
        h.driver.receive("forged", new ConsensusMessage.EvidenceMessage(a, forged));

        assertThat(h.misbehaved).hasSize(3);
        assertThat(h.misbehaved.get(0)).startsWith("same: ").contains("not one validator's double sign");
        assertThat(h.misbehaved.get(1)).startsWith("slots: ").contains("not one validator's double sign");
        assertThat(h.misbehaved.get(2)).startsWith("forged: ").contains("bad signature");
        assertThat(h.chain.evidence).isEmpty();
        assertThat(h.broadcasts).noneMatch(x -> x instanceof ConsensusMessage.EvidenceMessage);
        // and a genuine one from the same slot still goes through afterwards
        h.driver.receive("p1", new ConsensusMessage.EvidenceMessage(a, prevote(h.keys.get(1), 1, value("d"))));
        assertThat(h.chain.evidence).hasSize(1);
    }

    @Test
    @DisplayName("C4: evidence for a height not reached yet is ignored, neither recorded nor reported")
    void futureHeightIgnored() {
        DriverHarness h = new DriverHarness("evidence future", -1);
        Vote a = Vote.sign(h.keys.get(0), CHAIN, VoteType.PRECOMMIT, 5, 0, value("x"), Simulation.EPOCH, 0);
        Vote b = Vote.sign(h.keys.get(0), CHAIN, VoteType.PRECOMMIT, 5, 0, value("y"), Simulation.EPOCH, 0);
        h.driver.receive("p1", new ConsensusMessage.EvidenceMessage(a, b));
        assertThat(h.misbehaved).isEmpty();
        assertThat(h.chain.evidence).isEmpty();
    }
}
