package global.cas.ui.testing;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;

/**
 * Scrolls a screen the way a person would before clicking something below the fold: the scroll
 * pane around the node found by a query is moved until the node is inside its viewport.
 */
public final class Reveal {
    private Reveal() {}

    /** Scrolls every scroll pane around the node {@code query} finds so that the node is visible; returns the query. */
    public static String scrolledTo(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (Parent up = node.getParent(); up != null; up = up.getParent()) {
                if (up instanceof ScrollPane pane && pane.getContent() != null) {
                    scroll(pane, node);
                }
            }
        });
        return query;
    }

    private static void scroll(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        double room = contentHeight - viewport;
        if (room <= 0) {
            return;
        }
        double top = Math.max(0, Math.min(room, inContent.getMaxY() - viewport + 8));
        pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * top / room);
        pane.layout();
    }
}
