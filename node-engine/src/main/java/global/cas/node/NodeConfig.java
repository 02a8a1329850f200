package global.cas.node;

import global.cas.chain.ChainParams;
import global.cas.crypto.KeyPair;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run a node: its data folder, its chain, the validator key it produces blocks with (when
 * it is one of the genesis validators) and the mempool bound.
 */
public record NodeConfig(
        Path dataDir,
        ChainParams params,
        Optional<KeyPair> validatorKey,
        int mempoolCapacity,
        long blockIntervalMillis) {
    public static final int DEFAULT_MEMPOOL_CAPACITY = 200_000;
}
