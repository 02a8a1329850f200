/**
 * Benchmarks of the engine, run by {@code cas bench}: raw Ed25519 verification rate on all cores,
 * and end-to-end committed transfers per second through a real devnet node (mempool, block
 * production, H2). Measures, never asserts. Depends on {@code node}, {@code store}, {@code wallet}.
 */
package global.cas.bench;
