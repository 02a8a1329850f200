/**
 * The main window: navigation between the feature screens, keyboard shortcuts, the status bar,
 * loading views from FXML with the current language, and the asynchronous access to the embedded
 * node ({@link global.cas.ui.shell.NodeAccess}) every screen uses. Depends on the engine's
 * {@code node} package, JavaFX and {@code ui.i18n}.
 */
package global.cas.ui.shell;
