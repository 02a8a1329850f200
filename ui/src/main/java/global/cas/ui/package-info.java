/**
 * The JavaFX desktop UI of CAS Wallet, grouped by feature ({@code ui.wallet}, {@code ui.token},
 * {@code ui.governance}, {@code ui.node}, {@code ui.control}). Reads the node only through its
 * query methods and events; never touches storage or chain objects' internals.
 */
package global.cas.ui;
