package global.cas.node.query;

import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What a miner asks the node (S5): the work for the next block, and where its proofs go. Thread-safe. */
public interface MiningQueries {
    /** The work for the block after the tip. */
    MiningWork miningWork();

    /** Admits a mining proof (or any signed transaction); completes exceptionally when refused. */
    CompletableFuture<Hash> submit(Transaction proof);

    /** Block {@code height}'s reward to its miner, while that output is unspent (S4). */
    Optional<UnspentOutput> minerReward(long height);
}
