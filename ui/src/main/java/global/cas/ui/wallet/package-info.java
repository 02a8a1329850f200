/**
 * The wallet screens: first run (language, create or restore, password), overview, receive,
 * send, transactions and address book, each an FXML view with a thin controller over {@link
 * global.cas.ui.wallet.WalletModel}, the view model of one open wallet. The model keeps up with
 * the chain by scanning blocks on its own thread and changes its properties on the FX thread only;
 * every call that touches the node, the disk, the keystore (Argon2) or signs runs on a background
 * thread. Depends on the engine's {@code wallet}, {@code wallet.keys}, {@code wallet.data}, {@code
 * node} and {@code crypto} packages, on {@code ui.shell}, {@code ui.node} and {@code ui.i18n}, on
 * JavaFX, the notification centre ({@code ui.notify}) and ZXing (QR codes).
 */
package global.cas.ui.wallet;
