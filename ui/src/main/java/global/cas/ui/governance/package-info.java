/**
 * The governance screens (PROTOCOL.md sections 5–7): the election under way with its candidates
 * and the wallet's split ballot, the proposals with their support and referendum bars, and the
 * committee with the reserve and its statements. {@link GovernanceModel} reads the node's {@code
 * GovernanceQueries} at each new block and sends the wallet's signed actions; {@link BallotDraft}
 * holds the ballot being edited; the controller only binds. Depends on {@code ui.wallet}, {@code
 * ui.i18n}, {@code ui.shell} and the engine's {@code node.query}, {@code governance}, {@code
 * ledger}, {@code crypto}.
 */
package global.cas.ui.governance;
