/**
 * The consensus driver: the one thread that feeds {@link global.cas.consensus.Tendermint} with
 * verified messages and timer events, and carries out what it asks. It owns the clock and timers
 * (a {@link global.cas.consensus.driver.Scheduler}), the network side ({@link
 * global.cas.consensus.driver.ConsensusNetwork}), the chain side ({@link
 * global.cas.consensus.driver.ConsensusApp}) and the signing key behind a {@link
 * global.cas.consensus.DoubleSignGuard} whose every signature reaches the write-ahead log, fsynced,
 * before it is sent. All three are interfaces, so the same driver runs in the node and in the
 * deterministic simulation with a fake clock and a simulated network.
 */
package global.cas.consensus.driver;
