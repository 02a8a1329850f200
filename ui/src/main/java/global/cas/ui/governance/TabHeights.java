package global.cas.ui.governance;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Keeps a {@link TabPane} at least as tall as its selected tab's content needs at the pane's
 * actual width. A TabPane measures its tabs without a width, so wrapping labels count as one line
 * and are cut with "…" at large text; with this the screen's scroll pane scrolls instead (nothing
 * is cut, at 200% text as at 100%). FX thread.
 */
final class TabHeights {
    private final TabPane tabs;
    private boolean pending;

    private TabHeights(TabPane tabs) {
        this.tabs = tabs;
    }

    /** Watches {@code tabs}: its width, the selected tab and every layout pass of its content. */
    static TabHeights watch(TabPane tabs) {
        TabHeights h = new TabHeights(tabs);
        tabs.widthProperty().addListener((o, a, b) -> h.later());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> h.later());
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof Region r) {
                r.heightProperty().addListener((o, a, b) -> h.later());
            }
        }
        return h;
    }

    /** Measures again after the current pulse (the texts of a new block have been set by then). */
    void later() {
        if (pending) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            measure();
        });
    }

    private void measure() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == null || !(t.getContent() instanceof Node content) || tabs.getWidth() <= 0) {
            return;
        }
        double header = 0;
        Node h = tabs.lookup(".tab-header-area");
        if (h != null) {
            header = h.prefHeight(-1);
        }
        double need = Math.ceil(content.prefHeight(tabs.getWidth()) + header + 8);
        if (Math.abs(tabs.getMinHeight() - need) > 1) {
            tabs.setMinHeight(need);
        }
    }
}
