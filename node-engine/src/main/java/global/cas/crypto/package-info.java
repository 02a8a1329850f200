/**
 * Keys, signatures, hashes and addresses: Ed25519 through BouncyCastle's RFC 8032 code (U2),
 * SHA-256 through the JDK (U3, faster than BouncyCastle's), and Bech32m addresses with the
 * network prefixes {@code cas}, {@code tcas}, {@code dcas}. All types are immutable values and
 * thread-safe. Depends only on {@code rejection}.
 */
package global.cas.crypto;
