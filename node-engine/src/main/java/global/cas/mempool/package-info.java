/**
 * Pending transactions waiting for a block: checked (signatures in parallel), kept free of double
 * spends, ordered by fee rate, bounded in size. Depends on {@code ledger} and {@code rejection}.
 */
package global.cas.mempool;
