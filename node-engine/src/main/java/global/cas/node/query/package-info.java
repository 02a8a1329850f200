/**
 * What readers outside the engine (the desktop UI first) may ask the node: small read-only query
 * interfaces grouped by what a screen needs ({@link global.cas.node.query.ChainQueries}, {@link
 * global.cas.node.query.WalletQueries}, {@link global.cas.node.query.MiningQueries}, {@link
 * global.cas.node.query.StatusQueries}, all together {@link global.cas.node.query.NodeQueries}),
 * answered with immutable records ({@link global.cas.node.query.TipSummary}, {@link
 * global.cas.node.query.BlockSummary}, {@link global.cas.node.query.TransactionLookup}) rather
 * than the chain's own {@code Block} or {@code ChainTip}, so the chain's types can change without
 * the UI changing. {@link global.cas.node.Node} implements them all. Every read is bounded by the
 * committed tip: no answer shows a block half applied.
 */
package global.cas.node.query;
