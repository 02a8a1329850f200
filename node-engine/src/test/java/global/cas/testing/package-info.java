/** Shared test fixtures: deterministic keys, a small devnet genesis, transfer builders. */
package global.cas.testing;
