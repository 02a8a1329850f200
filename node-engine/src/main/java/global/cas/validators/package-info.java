/**
 * The validator set (C1, C4): each validator's public key and voting power, kept as state versioned
 * by height, so the set in force at any height is known and a passed {@code validator-set}
 * referendum can schedule the next one. Depends only on {@code crypto} and {@code codec}.
 */
package global.cas.validators;
