/**
 * The consensus driver put to work in a node: the chain as {@link
 * global.cas.consensus.driver.ConsensusApp} ({@link ChainConsensusApp}), the wall clock and one
 * thread as its {@link global.cas.consensus.driver.Scheduler} ({@link ExecutorScheduler}), the
 * write-ahead log in the data folder, and the {@link ConsensusBlockProducer} that runs them, for a
 * lone validator as for one of many.
 */
package global.cas.node.consensus;
