package global.cas.ledger;

import global.cas.crypto.Address;

/**
 * Told of every balance change while a block executes (L2), in execution order: governance keeps
 * running tallies with it (G2), tokens their consumption accounts (T5). Called on the chain thread;
 * must not throw and must not change the ledger.
 */
@FunctionalInterface
public interface BalanceListener {
    void balanceChanged(Address owner, AssetId asset, long before, long after);

    BalanceListener NONE = (owner, asset, before, after) -> {};
}
