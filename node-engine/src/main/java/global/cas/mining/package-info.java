/**
 * CPU mining (S5): searching nonces whose work hash is below the target, on background threads,
 * for the command line ({@code cas mine}) and the desktop's mining panel alike. Depends on
 * {@code ledger} (the proof and its hash), {@code crypto} and the node's {@code MiningWork}.
 */
package global.cas.mining;
