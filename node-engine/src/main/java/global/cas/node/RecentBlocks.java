package global.cas.node;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import global.cas.chain.Block;
import global.cas.store.ChainStore;
import java.util.Optional;

/**
 * The blocks committed or read from storage lately, decoded and checked, so that a client paging
 * through a big block ({@code chain_block} with a cursor, a wallet or an explorer reading the newest
 * blocks) or a peer a block behind sent the block it lacks costs no read of it at all, or one, not one
 * read and one check of all its transactions a page or a peer. Held by their number
 * of transactions, at most {@value #MAX_TRANSACTIONS} in all; a block once committed never changes at
 * its height, so an entry is never stale, and a pruned block is not served (the caller checks the
 * pruning height first). Thread-safe.
 */
final class RecentBlocks {
    /** Room for two full blocks at the genesis cap of 20,000 transactions. */
    static final long MAX_TRANSACTIONS = 40_000;

    private final ChainStore store;
    private final Cache<Long, Block> blocks = Caffeine.newBuilder()
            .maximumWeight(MAX_TRANSACTIONS)
            .weigher((Long height, Block b) -> 1 + b.transactions().size())
            .build();

    RecentBlocks(ChainStore store) {
        this.store = store;
    }

    /** Keeps a block just committed. */
    void remember(Block b) {
        blocks.put(b.height(), b);
    }

    /** Block {@code height} from the cache or from storage (then kept), or empty when storage has none. */
    Optional<Block> block(long height) {
        Block cached = blocks.getIfPresent(height);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Block> read = store.block(height);
        read.ifPresent(b -> blocks.put(height, b));
        return read;
    }
}
