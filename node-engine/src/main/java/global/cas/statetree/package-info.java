/**
 * Authenticated state for the state root (C6): {@link global.cas.statetree.StateTree}, a map from
 * 32-byte keys to 32-byte value hashes whose root hash depends only on its contents, with
 * membership and non-membership {@link global.cas.statetree.Proof}s a light client checks against
 * a root alone, cheap batch re-hashing and O(1) forks; and {@link global.cas.statetree.AppendLog},
 * an append-only Merkle accumulator for records that never change. Each module keeps its own tree
 * over its own keys; composing module roots into the header's root is the caller's business.
 * Depends only on {@code crypto} (SHA-256, {@code Hash}), {@code codec} (proof encoding; through it
 * {@code rejection}) and the JDK.
 */
package global.cas.statetree;
