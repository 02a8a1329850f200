/**
 * BFT consensus among the validators (C1–C5), Tendermint's algorithm (arXiv 1807.04938) as a pure
 * state machine: {@link global.cas.consensus.Tendermint} takes {@link global.cas.consensus.Input}s
 * (proposals, votes, timeouts) and returns {@link global.cas.consensus.Output}s (send this vote,
 * schedule this timeout, decide this block). It does no I/O, reads no clock and starts no thread:
 * its driver owns those, signs what it asks for (after writing it to the write-ahead log) and
 * feeds the signed messages back as inputs. Quorums are integers: power {@code p} is more than two
 * thirds when {@code 3p > 2·total} and more than one third when {@code 3p > total}. Depends on
 * {@code crypto}, {@code codec}, {@code validators}, {@code rejection} and {@code chain} (a precommit signs what a
 * commit's precommit signs).
 */
package global.cas.consensus;
