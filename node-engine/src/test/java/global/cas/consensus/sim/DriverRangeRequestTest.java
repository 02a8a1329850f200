package global.cas.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.driver.ConsensusDriver;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A node far behind asks several peers at once: after the status every peer answers from its
 * height, each peer ahead is asked for a different later range, and a range is not asked twice
 * before the next rebroadcast.
 */
class DriverRangeRequestTest {
    private DriverHarness harness;
    private ConsensusDriver driver;

    @BeforeEach
    void start() {
        harness = new DriverHarness("range", -1);
        driver = harness.driver;
    }

    private Map<Long, List<String>> rangesAsked() {
        return harness.sent.stream()
                .filter(s -> s.message() instanceof ConsensusMessage.RangeRequest)
                .collect(Collectors.groupingBy(
                        s -> ((ConsensusMessage.RangeRequest) s.message()).from(),
                        Collectors.mapping(RecordingNetwork.Sent::peer, Collectors.toList())));
    }

    @Test
    @DisplayName("C3: a node far behind asks each peer ahead for a different range, each range once")
    void rangesSpreadOverPeers() {
        for (String p : List.of("p1", "p2", "p3")) {
            driver.receive(p, new ConsensusMessage.StatusMessage(5_000));
        }
        Map<Long, List<String>> asked = rangesAsked();
        assertThat(asked).hasSizeGreaterThanOrEqualTo(3);
        asked.values().forEach(peers -> assertThat(peers).hasSize(1));
        assertThat(asked.values().stream().flatMap(List::stream).distinct())
                .containsExactlyInAnyOrder("p1", "p2", "p3");
        // ranges start after the first, which the status answers, one batch apart
        assertThat(asked.keySet())
                .allSatisfy(from -> assertThat((from - 1) % 256).isZero());
        assertThat(asked.keySet()).doesNotContain(1L);
        // every peer was sent this node's height once: it answers the first range
        assertThat(harness.sent.stream().filter(s -> s.message() instanceof ConsensusMessage.StatusMessage))
                .hasSize(3);
    }

    @Test
    @DisplayName("C3: peers only a little ahead are not asked for ranges: the status is enough")
    void nearPeersGetOnlyTheStatus() {
        driver.receive("p1", new ConsensusMessage.StatusMessage(100));
        assertThat(rangesAsked()).isEmpty();
    }

    @Test
    @DisplayName("C3: a peer that says it is behind the range is not asked for it")
    void peersBehindARangeAreNotAsked() {
        driver.receive("far", new ConsensusMessage.StatusMessage(5_000));
        driver.receive("near", new ConsensusMessage.StatusMessage(300));
        assertThat(rangesAsked().values().stream().flatMap(List::stream)).doesNotContain("near");
    }
}
