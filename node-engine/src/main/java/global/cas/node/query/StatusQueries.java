package global.cas.node.query;

import java.nio.file.Path;

/** The node's own state, for the node screen: where it keeps its data, its role, its mempool. Thread-safe. */
public interface StatusQueries {
    Path dataDir();

    /** True when this node produces blocks. */
    boolean isValidator();

    /** Transactions waiting in the mempool. */
    int mempoolSize();

    /** Peers, listening address and consensus state. */
    NetworkSummary networkSummary();
}
