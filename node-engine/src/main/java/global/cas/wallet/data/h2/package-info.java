/**
 * The wallet's own persistence: {@link global.cas.wallet.data.h2.WalletDataH2Store} keeps one
 * wallet's labels, address book and saved history ({@link global.cas.wallet.data.WalletData}) in its
 * own H2 file beside the keystore, encrypted with H2's file cipher under the wallet's data key,
 * migrated by Flyway from {@code db/wallet/V<n>__name.sql}; {@code PlaintextConversion} turns a
 * plaintext file of an older version into an encrypted one. An existing file is treated as hostile,
 * as the chain database is, with the checks of {@code global.cas.h2}. Depends on {@code wallet},
 * {@code wallet.data}, {@code ledger}, {@code crypto}, {@code rejection} and {@code h2}, on H2 and
 * Flyway; never on the chain store ({@code store}) nor the node, which know nothing of it either.
 */
package global.cas.wallet.data.h2;
