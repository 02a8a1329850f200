/**
 * What the UI tests share: the layout inspector that finds cut text and controls outside the
 * visible area. Test code only; depends on JavaFX.
 */
package global.cas.ui.testing;
