package global.cas.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Block time (C5): the median of the timestamps in a commit's precommits, forced to grow strictly.
 * With an even count the lower median is taken so the result is always one of the timestamps.
 */
public final class BlockTime {
    private BlockTime() {}

    public static long median(List<Long> timestamps) {
        if (timestamps.isEmpty()) {
            throw new IllegalArgumentException("a commit has at least one precommit");
        }
        List<Long> sorted = new ArrayList<>(timestamps);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The time of the next block: the median, but at least one millisecond after the previous block. */
    public static long next(long previousTime, List<Long> timestamps) {
        return Math.max(previousTime + 1, median(timestamps));
    }
}
