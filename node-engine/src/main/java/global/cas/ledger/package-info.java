/**
 * The ledger model (section 3 of the protocol): amounts in base units, assets, outputs and the
 * sealed family of transaction kinds, with the rules that validate each kind against a read-only
 * view of the state and the effects of applying it. UTXO + balance: outputs are spent whole, and a
 * balance per (address, asset) is kept in step (L1, L2). Integer arithmetic only, overflow checked
 * (U1). Depends on {@code crypto}, {@code codec} and {@code rejection}.
 */
package global.cas.ledger;
