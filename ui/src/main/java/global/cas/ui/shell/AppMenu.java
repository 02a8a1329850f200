package global.cas.ui.shell;

import global.cas.ui.i18n.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;

/**
 * The window's menu bar, which later screens hang from: File (open, recent and new wallets,
 * quit), View (every screen, with its shortcut) and Help (keyboard shortcuts, about). Rebuilt in
 * the new language when the language changes and when the screens change. FX thread only.
 */
public final class AppMenu {
    private final Messages messages;
    private final MenuActions actions;
    private final Supplier<List<Screen>> screens;
    private final Consumer<String> show;
    private final MenuBar bar = new MenuBar();

    public AppMenu(Messages messages, MenuActions actions, Supplier<List<Screen>> screens, Consumer<String> show) {
        this.messages = messages;
        this.actions = actions;
        this.screens = screens;
        this.show = show;
        bar.setId("menu-bar");
        bar.setUseSystemMenuBar(true);
        messages.languageProperty().addListener((o, a, b) -> rebuild());
        actions.recentWallets().addListener((ListChangeListener<Path>) c -> rebuild());
        rebuild();
    }

    public MenuBar bar() {
        return bar;
    }

    /** Builds the menus again (new language, new screens, new recent wallets). */
    public void rebuild() {
        bar.getMenus().setAll(file(), view(), help());
    }

    private Menu file() {
        Menu file = new Menu(messages.get("menu.file"));
        file.setId("menu-file");
        MenuItem open = item("menu.file.open", "menu-open", actions::openWallet);
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        MenuItem create = item("menu.file.new", "menu-new", actions::newWallet);
        create.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        Menu recent = new Menu(messages.get("menu.file.recent"));
        recent.setId("menu-recent");
        for (Path p : actions.recentWallets()) {
            MenuItem r = new MenuItem(p.toString());
            r.setMnemonicParsing(false);
            r.setOnAction(e -> actions.openRecent(p));
            recent.getItems().add(r);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
        MenuItem quit = item("menu.file.quit", "menu-quit", actions::quit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        file.getItems().setAll(open, recent, create, new SeparatorMenuItem(), quit);
        return file;
    }

    private Menu view() {
        Menu view = new Menu(messages.get("menu.view"));
        view.setId("menu-view");
        for (Screen s : screens.get()) {
            MenuItem m = new MenuItem(messages.get(s.labelKey()));
            m.setId("menu-view-" + s.id());
            m.setAccelerator(s.shortcut());
            m.setOnAction(e -> show.accept(s.id()));
            view.getItems().add(m);
        }
        return view;
    }

    private Menu help() {
        Menu help = new Menu(messages.get("menu.help"));
        help.setId("menu-help");
        MenuItem keys = item("menu.help.shortcuts", "menu-shortcuts", this::showShortcuts);
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        help.getItems().setAll(keys, item("menu.help.about", "menu-about", actions::about));
        return help;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem m = new MenuItem(messages.get(key));
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Help → Keyboard shortcuts: every screen's shortcut and the forms' keys. */
    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Screen s : screens.get()) {
            grid.addRow(row++, new Label(s.shortcut().getDisplayText()), new Label(messages.get(s.labelKey())));
        }
        grid.addRow(row++, new Label("Enter"), new Label(messages.get("menu.help.shortcuts.enter")));
        grid.addRow(row++, new Label("Shortcut+O"), new Label(messages.get("menu.file.open")));
        grid.addRow(row++, new Label("Shortcut+N"), new Label(messages.get("menu.file.new")));
        grid.addRow(row, new Label("Shortcut+Q"), new Label(messages.get("menu.file.quit")));
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(messages.get("menu.help.shortcuts.title"));
        alert.setHeaderText(messages.get("menu.help.shortcuts.title"));
        alert.getDialogPane().setContent(grid);
        if (bar.getScene() != null) {
            alert.initOwner(bar.getScene().getWindow());
        }
        alert.show();
    }
}
