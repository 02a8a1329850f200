/**
 * {@code cas localnet}: several validator nodes of one new chain (or of the bundled testnet, whose
 * public validators they run on its seed ports) on this computer, each a separate process with its
 * own data folder, joined over loopback, for trying the network and testing it. Depends on {@code
 * app.cli}, {@code app.network} and the engine.
 */
package global.cas.app.localnet;
