/**
 * CPU mining (S5) from the command line: {@link global.cas.app.mining.CpuMiner} searches nonces on
 * several threads for SHA-256(previous block hash ‖ miner address ‖ nonce) below the target, and
 * {@code cas mine} feeds it the node's {@code mining_work} (polled every 200 ms, so it follows the
 * tip) and submits each proof it finds with {@code tx_send}. Depends on {@code app.cli}, {@code
 * app.wallet} (for the default address) and the engine's {@code ledger}, {@code node}, {@code rpc}
 * and {@code crypto}.
 */
package global.cas.app.mining;
