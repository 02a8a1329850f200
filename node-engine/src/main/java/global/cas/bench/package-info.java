/**
 * Benchmarks of the engine, run by {@code cas bench}: raw Ed25519 verification rate on all cores,
 * and end-to-end committed transfers per second through a real devnet node (mempool, block
 * production, H2), and the size of the chain file it left against its live data. Measures, never
 * asserts. Depends on {@code node}, {@code store} (and {@code store.h2} to measure the file),
 * {@code wallet}.
 */
package global.cas.bench;
