/**
 * The settings screen and what it controls: language (no restart), light or dark theme (following
 * the system by default), and text size for HiDPI screens; kept in {@code settings.json} in the data
 * folder. Depends on JavaFX, AtlantaFX themes, Jackson and {@code ui.i18n}.
 */
package global.cas.ui.settings;
