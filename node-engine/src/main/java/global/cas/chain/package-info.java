/**
 * Blocks and the chain: headers that commit to their transactions and to the state after them
 * (C6), genesis and chain parameters (S1–S4), block rewards and the proof-of-work target (S4, S5),
 * block time (C5), evidence of double signs and the canonical vote sign bytes it is checked with
 * (C4), and the executor that turns a block into a ledger delta on the one chain thread.
 * Depends on {@code ledger}, {@code codec}, {@code crypto}, {@code rejection}.
 */
package global.cas.chain;
