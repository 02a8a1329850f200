package global.cas.node.query;

/**
 * Every query a reader outside the engine may make of a running node; the desktop UI holds one of
 * these, never the node itself. Implemented by {@link global.cas.node.Node}. Thread-safe.
 */
public interface NodeQueries
        extends ChainQueries, WalletQueries, MiningQueries, StatusQueries, PersistentPeerSettings, GovernanceQueries {}
