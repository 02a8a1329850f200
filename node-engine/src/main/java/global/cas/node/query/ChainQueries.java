package global.cas.node.query;

import java.util.Optional;

/**
 * Reads of the committed chain: its head and, for wallet scanners, its blocks one at a time.
 * Implementations are thread-safe and never return a block above the tip they report.
 */
public interface ChainQueries {
    /** The last committed block and which chain this is. */
    TipSummary tipSummary();

    /** Block {@code height} with its rewards, once the tip includes it; empty above the tip. */
    Optional<BlockSummary> blockSummary(long height);
}
