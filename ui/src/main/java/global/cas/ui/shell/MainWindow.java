package global.cas.ui.shell;

import global.cas.ui.i18n.Messages;
import global.cas.ui.node.NodeModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: navigation on the left (with Ctrl+1…9 shortcuts), the current screen
 * in the middle, the node's state in the status bar. Views are loaded when first shown and loaded
 * again in the new language when the language changes. FX thread only.
 */
public final class MainWindow {
    private final ViewLoader views;
    private final Messages messages;
    private List<Screen> screens;
    private javafx.scene.Scene scene;
    private final BorderPane root = new BorderPane();
    private final StackPane layers = new StackPane(root);
    private final StackPane content = new StackPane();
    private final VBox nav = new VBox(4);
    private final Map<Parent, Parent> frames = new HashMap<>();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<String, ViewLoader.View<?>> loaded = new HashMap<>();
    private final Map<String, Consumer<Object>> onLoad = new HashMap<>();
    private String current;
    private AppMenu menu;
    private javafx.scene.Node bell;

    public MainWindow(ViewLoader views, NodeModel node, List<Screen> screens) {
        this.views = views;
        this.messages = views.messages();
        this.screens = List.copyOf(screens);
        nav.setPadding(new Insets(16, 8, 16, 8));
        nav.getStyleClass().add("nav");
        nav.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.setLeft(nav);
        root.setCenter(content);
        root.setBottom(statusBar(node));
        buildNav();
        messages.languageProperty().addListener((o, a, b) -> {
            loaded.clear();
            frames.clear();
            buildNav();
            if (current != null) {
                show(current);
            }
        });
        if (!screens.isEmpty()) {
            show(screens.get(0).id());
        }
    }

    private void buildNav() {
        nav.getChildren().clear();
        navGroup.getToggles().clear();
        for (Screen s : screens) {
            ToggleButton b = new ToggleButton(messages.get(s.labelKey()));
            b.setId("nav-" + s.id());
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            global.cas.ui.control.Fit.keepText(b);
            b.setSelected(s.id().equals(current));
            b.setOnAction(e -> show(s.id()));
            b.setTooltip(new javafx.scene.control.Tooltip(messages.get(
                    "nav.tooltip", messages.get(s.labelKey()), s.shortcut().getDisplayText())));
            nav.getChildren().add(b);
        }
    }

    private Parent statusBar(NodeModel node) {
        Label state = new Label();
        state.setId("status-node");
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.failureProperty().get() != null
                                ? messages.get("reason.NODE_START_FAILED")
                                : node.readyProperty().get()
                                        ? messages.get(
                                                "status.height",
                                                node.heightProperty().get())
                                        : messages.get("status.starting"),
                        node.readyProperty(),
                        node.heightProperty(),
                        node.failureProperty(),
                        messages.languageProperty()));
        global.cas.ui.control.Fit.keepText(state);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty()
                .bind(node.readyProperty().not().and(node.failureProperty().isNull()));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // a devnet says plainly that no one else can see it or pay into it
        Label local = new Label();
        local.setId("status-local");
        local.getStyleClass().add("local-chain");
        local.setWrapText(true);
        local.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.localOnlyProperty().get() ? messages.get("node.localOnly") : "",
                        node.localOnlyProperty(),
                        messages.languageProperty()));
        local.visibleProperty().bind(node.localOnlyProperty());
        local.managedProperty().bind(node.localOnlyProperty());
        global.cas.ui.control.Fit.keepText(local);
        local.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, spinner, state, grow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        local.setPadding(new Insets(2, 12, 2, 12));
        return new javafx.scene.layout.VBox(local, bar);
    }

    /** Puts the menu bar above the screens; it follows the screens and the language. */
    public AppMenu installMenu(MenuActions actions) {
        menu = new AppMenu(messages, actions, () -> screens, this::show);
        placeTop();
        return menu;
    }

    /** Runs {@code action} with a screen's controller each time its view is (re)loaded. */
    public void whenLoaded(String id, Consumer<Object> action) {
        onLoad.put(id, action);
    }

    /** Shows a screen by id, loading its view if needed. */
    public void show(String id) {
        Screen s = screens.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        ViewLoader.View<?> v = loaded.get(id);
        if (v == null) {
            v = views.load(s.fxml());
            loaded.put(id, v);
            Consumer<Object> action = onLoad.get(id);
            if (action != null) {
                action.accept(v.controller());
            }
        }
        current = id;
        content.getChildren().setAll(framed(v.root()));
        navGroup.getToggles()
                .forEach(t -> t.setSelected(((ToggleButton) t).getId().equals("nav-" + id)));
    }

    public String current() {
        return current;
    }

    /** Installs the screens' keyboard shortcuts on the scene (again whenever the screens change). */
    public void installShortcuts(Scene scene) {
        this.scene = scene;
        scene.getAccelerators().clear();
        for (Screen s : screens) {
            scene.getAccelerators().put(s.shortcut(), () -> show(s.id()));
        }
    }

    /** Replaces the navigation's screens (e.g. once a wallet is open) and shows {@code first}. */
    public void setScreens(List<Screen> newScreens, String first) {
        screens = List.copyOf(newScreens);
        loaded.clear();
        root.setLeft(nav);
        frames.clear();
        buildNav();
        if (scene != null) {
            installShortcuts(scene);
        }
        if (menu != null) {
            menu.rebuild();
        }
        show(first);
    }

    /**
     * Shows one view without the navigation, e.g. the first-run flow before a wallet exists; {@link
     * #setScreens} brings the navigation back.
     */
    public void showStandalone(Parent view) {
        root.setLeft(null);
        current = null;
        content.getChildren().setAll(framed(view));
    }

    /** A screen in its scrolling frame (made once per loaded view). */
    private Parent framed(Parent view) {
        return frames.computeIfAbsent(view, global.cas.ui.control.Fit::scrolling);
    }

    public List<Screen> screens() {
        return screens;
    }

    /**
     * Puts the notification centre in the window: {@code bell} at the right of a top bar, {@code
     * overlay} (toasts, the history list) over everything else.
     */
    public void placeNotifications(javafx.scene.Node bell, javafx.scene.Node overlay) {
        this.bell = bell;
        placeTop();
        layers.getChildren().setAll(root, overlay);
    }

    /** One bar at the top: the menus on the left, the notification bell on the right. */
    private void placeTop() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8);
        if (menu != null) {
            bar.getChildren().add(menu.bar());
        }
        bar.getChildren().add(grow);
        if (bell != null) {
            bar.getChildren().add(bell);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 0, 0));
        bar.getStyleClass().add("top-bar");
        root.setTop(bar);
    }

    /** The window's content, for the scene (the screens and any layers over them). */
    public Parent root() {
        return layers;
    }
}
