/**
 * Every user-visible string: {@link global.cas.ui.i18n.Messages} reads the UTF-8 message bundles
 * (English and Simplified Chinese) of every feature, switches language while the program runs,
 * and turns reason codes into translated sentences. Depends on JavaFX properties and the engine's
 * {@code rejection} codes.
 */
package global.cas.ui.i18n;
