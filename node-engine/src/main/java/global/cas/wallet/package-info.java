/**
 * Spending from a wallet: coin selection and building signed transfers with change and fee.
 * Keys, mnemonics and the keystore live in {@code wallet.keys}. Depends on {@code ledger},
 * {@code crypto} and {@code rejection}; never on the node, so the command line and the UI can
 * build transactions against any source of unspent outputs.
 */
package global.cas.wallet;
