/**
 * The chain parameters a referendum may change (PROTOCOL.md, marked <i>(param)</i>), kept as state
 * versioned by height: the genesis version, then each change at the height it takes effect (G31).
 * Depends only on {@code crypto}, {@code codec} and {@code rejection}.
 */
package global.cas.params;
