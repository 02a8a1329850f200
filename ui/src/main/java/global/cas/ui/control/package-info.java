/**
 * Shared widgets and screen patterns every screen uses: the scrolling frame a screen lives in, the
 * rule that text is never drawn cut, table columns as wide as their headers. Depends on JavaFX and
 * {@code ui.i18n} only.
 */
package global.cas.ui.control;
