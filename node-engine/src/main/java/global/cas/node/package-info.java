/**
 * The node: {@link global.cas.node.Node} starts and stops the parts (store, in-memory state,
 * mempool, block producer, RPC) and publishes immutable past-tense events. {@link
 * global.cas.node.ChainService} owns the one chain thread, the only writer of chain state, and the
 * {@link global.cas.node.EvidencePool} of double signs its next block records (C4). The block
 * producer is an interface so the BFT engine can replace the single local validator without
 * anything above it changing. Depends on every engine package below it; nothing depends on it
 * but {@code rpc} and the program. The desktop UI sees it only through the read-only interfaces of
 * {@code node.query}, which {@code Node} implements.
 */
package global.cas.node;
