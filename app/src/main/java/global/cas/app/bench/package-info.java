/** {@code cas bench}: runs the engine's benchmarks against a real H2-backed devnet node. */
package global.cas.app.bench;
