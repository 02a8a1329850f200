/**
 * What the UI tests share: the layout inspector that finds cut text and controls outside the
 * visible area, and the scrolling a person does before clicking below the fold. Test code only; depends on JavaFX.
 */
package global.cas.ui.testing;
