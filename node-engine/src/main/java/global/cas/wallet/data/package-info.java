/**
 * What a person adds to a wallet beside its keys: labels of transactions and addresses, and the
 * address book. {@link global.cas.wallet.data.WalletData} is the interface the UI uses; it sits in
 * its own file next to the keystore file, one per wallet, encrypted with the wallet's {@link
 * global.cas.wallet.data.DataKey} (kept in the keystore), and holds no key material; {@link
 * global.cas.wallet.data.PrivateFiles} creates the wallet's files owner-only. The H2
 * implementation lives beside it in {@code wallet.data.h2} ({@code WalletDataH2Store}). Depends on
 * {@code crypto}, on {@code wallet} for the saved history ({@code ScanCheckpoint}), and the JDK.
 */
package global.cas.wallet.data;
