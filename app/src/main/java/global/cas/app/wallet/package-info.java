/**
 * The wallet on the command line: {@code cas wallet create|restore|addresses|balance} over the
 * engine's keystore files ({@code <datadir>/wallets/default.wallet} unless {@code --wallet}), and
 * {@code cas send}, which unlocks the keystore, reads the wallet's spendable outputs from the node,
 * builds a signed transfer with {@link global.cas.wallet.TransferBuilder} and submits it over
 * JSON-RPC. Depends on {@code app.cli}, the engine's {@code wallet}, {@code wallet.keys}, {@code
 * rpc}, {@code ledger} and {@code crypto}.
 */
package global.cas.app.wallet;
