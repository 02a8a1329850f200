/**
 * Governance on the command line, {@code cas gov …}: the election under way and the committee,
 * candidates, proposals, a recount next to the running totals, a voter's receipt and its offline
 * check (G38), and every governance action (candidacy, ballot, proposal, support, referendum vote),
 * each signed by one wallet address and sent over JSON-RPC. Depends on {@code app.cli}, the
 * engine's {@code wallet}, {@code wallet.keys}, {@code governance}, {@code chain}, {@code records},
 * {@code rpc}, {@code ledger} and {@code crypto}.
 */
package global.cas.app.governance;
