package global.cas.node.query;

import global.cas.crypto.Hash;
import global.cas.ledger.UnspentOutput;
import java.util.List;

/**
 * Where a wallet's scan picks up on a node whose blocks below {@code height + 1} are pruned: the
 * last pruned block ({@code height}, {@code blockHash}) and the outputs of the wallet's addresses
 * that were unspent after it ({@code held}, spent later or not). A scan that resumes from these
 * reads blocks {@code height + 1} up as if it had read every block before; only the entries of
 * the pruned blocks are missing. Immutable.
 */
public record PrunedStart(long height, Hash blockHash, List<UnspentOutput> held) {
    public PrunedStart {
        if (height < 0) {
            throw new IllegalArgumentException("a pruned start is at a height of 0 or more, got " + height);
        }
        held = List.copyOf(held);
    }
}
