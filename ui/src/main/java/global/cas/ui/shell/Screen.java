package global.cas.ui.shell;

import javafx.scene.input.KeyCombination;

/**
 * One entry of the main window's navigation: its label key, its FXML view and its keyboard
 * shortcut. The program lists the screens that exist; the shell knows none by name.
 */
public record Screen(String id, String labelKey, String fxml, KeyCombination shortcut) {}
