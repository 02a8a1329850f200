/**
 * A deterministic simulation of a CAS validator network in one process: the real consensus driver
 * on each node, a virtual clock, a simulated network that drops, delays, duplicates, reorders and
 * partitions under a seed, a write-ahead log in memory that a crash can tear, and the invariants
 * checked after every event (one block per height, quorum commits, growing block times, no honest
 * double sign). A failing run prints its seed; the same seed replays it exactly.
 */
package global.cas.consensus.sim;
