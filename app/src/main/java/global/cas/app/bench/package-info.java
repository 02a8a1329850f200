/**
 * {@code cas bench}: runs the engine's benchmarks against a real H2-backed devnet node, and ({@code
 * --localnet N}, {@link global.cas.app.bench.LocalnetBenchmark}) loads a localnet of N validator
 * processes over JSON-RPC as clients would. Depends on the engine, {@code app.localnet} to start the
 * processes and {@code /proc} for their CPU time; nothing here is used by the running node.
 */
package global.cas.app.bench;
