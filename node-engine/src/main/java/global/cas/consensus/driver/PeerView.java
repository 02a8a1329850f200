package global.cas.consensus.driver;

import java.util.HashMap;
import java.util.Map;

/**
 * What peers said of themselves: the height each works on and the validator whose votes each sends,
 * and the highest height any said. A sync-progress display and a hint where to ask for blocks,
 * never a decision (a peer may lie; every block it sends is checked by its commit). Bounded: past
 * {@link #MAX_PEERS_REMEMBERED} peers it starts over, and what is current comes back within a
 * second. Not thread-safe: the driver's thread only.
 */
final class PeerView {
    /** Peers remembered, at most. */
    static final int MAX_PEERS_REMEMBERED = 1_000;

    private final Map<String, Long> heights = new HashMap<>();
    private final Map<String, Integer> validators = new HashMap<>();
    private long highest;

    /** {@code peer} said it works on height {@code h}. */
    void heightSaid(String peer, long h) {
        highest = Math.max(highest, h);
        remember(heights, peer, h);
    }

    /** {@code peer} sent a vote of validator {@code index}, verified. */
    void votesOf(String peer, int index) {
        remember(validators, peer, index);
    }

    long highest() {
        return highest;
    }

    /** Each peer's last said height; a live view, read on the driver's thread. */
    Map<String, Long> heights() {
        return heights;
    }

    Map<String, Integer> validators() {
        return validators;
    }

    private static <V> void remember(Map<String, V> map, String peer, V value) {
        if (map.size() >= MAX_PEERS_REMEMBERED && !map.containsKey(peer)) {
            map.clear();
        }
        map.put(peer, value);
    }
}
