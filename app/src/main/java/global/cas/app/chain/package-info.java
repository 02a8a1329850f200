/**
 * Reading the chain from the command line: {@code cas status}, {@code cas block} and {@code cas tx}
 * ask the running node over JSON-RPC and print a short human summary, or the RPC's JSON with
 * {@code --json}. Depends on {@code app.cli}, the engine's {@code rpc} and {@code ledger}.
 */
package global.cas.app.chain;
