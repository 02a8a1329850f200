/**
 * The pure governance rules of PROTOCOL.md sections 5 to 7: live capped vote weight, running
 * tallies and their recount, election ballots and counts, committee internal majorities, proposal
 * support latches and referendum results. No chain wiring, no storage, no clock: callers pass in
 * balances, heights and times. All arithmetic is exact integer arithmetic. Depends only on {@code
 * crypto} (addresses), {@code ledger} ({@code Amounts}) and {@code rejection}.
 */
package global.cas.governance;
