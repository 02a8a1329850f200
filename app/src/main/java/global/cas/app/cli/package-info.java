/**
 * What every command of the {@code cas} command line shares: the {@link
 * global.cas.app.cli.Terminal} it reads and writes (injected, so tests run commands in-process),
 * the {@code --network}/{@code --datadir} options, password input, the connection to the running
 * node over JSON-RPC, and the one-line error report with a reason code ({@link
 * global.cas.app.cli.CliErrors}). Depends on picocli, the engine's {@code rpc}, {@code node}, {@code crypto}
 * and {@code rejection} packages, and on Guice only to unwrap its provision errors.
 */
package global.cas.app.cli;
