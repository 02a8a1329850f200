/**
 * The wallet's keys: BIP39 recovery phrases in English and Chinese (simplified) with checked word
 * lists ({@link global.cas.wallet.keys.Mnemonic}, {@link global.cas.wallet.keys.WordList}),
 * SLIP-0010 Ed25519 derivation along {@code m/44'/2026'/account'/0'/index'} ({@link
 * global.cas.wallet.keys.Slip10}, {@link global.cas.wallet.keys.HdWallet}), and the keystore file
 * that keeps the phrase encrypted at rest with Argon2id and AES-256-GCM while its accounts and
 * addresses (with a pool derived ahead, handed out while locked) stay readable without the
 * password ({@link global.cas.wallet.keys.Keystore}); its secret also keeps the wallet data key.
 * The wallet password only encrypts that file; the optional mnemonic passphrase is part of the keys.
 * Values are immutable and thread-safe, there is no static mutable state, and no public method
 * takes or returns null. Depends on {@code global.cas.crypto}, {@code global.cas.rejection}, {@code global.cas.wallet.data},
 * BouncyCastle, Jackson and the JDK only.
 */
package global.cas.wallet.keys;
