package global.cas.ui.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;

/**
 * Finds what a person could not read or reach in a laid-out scene: a label, button or column
 * header whose text is drawn cut (with an ellipsis, or clipped lines), and a control or image that
 * lies outside the window or, inside a scroll pane, to the right of its viewport (a screen may
 * scroll down, never sideways). Rows of lists and tables are not inspected (their content scrolls
 * in the control); their headers are. FX thread only.
 */
public final class LayoutInspector {
    private static final double SLACK = 1.0;

    private LayoutInspector() {}

    /** One thing found: where (the node's id or class, and its text) and what is wrong. */
    public record Problem(String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    /** The problems of {@code root}'s visible nodes, laid out in a scene of {@code width} × {@code height}. */
    public static List<Problem> inspect(Parent root, double width, double height) {
        List<Problem> found = new ArrayList<>();
        walk(root, new Area(0, 0, width, height, false, false), found);
        return found;
    }

    /** The area a node must lie in: the window, or a scroll pane's viewport (which scrolls down). */
    private record Area(
            double minX, double minY, double maxX, double maxY, boolean scrollsDown, boolean scrollsRight) {}

    private static void walk(Node node, Area area, List<Problem> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            checkText(labeled, found);
        }
        if (node instanceof Control || node instanceof ImageView) {
            checkPlace(node, area, found);
        }
        if (node instanceof VirtualFlow<?>) {
            return;
        }
        Area inner = area;
        if (node instanceof javafx.scene.control.TableView<?> table) {
            // a table's columns scroll sideways inside it; its rows are not inspected
            Bounds b = table.localToScene(table.getLayoutBounds());
            inner = new Area(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), false, true);
        }
        if (node instanceof ScrollPane scroll) {
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            inner = new Area(
                    viewport.getMinX(),
                    viewport.getMinY(),
                    viewport.getMinX() + scroll.getViewportBounds().getWidth(),
                    viewport.getMaxY(),
                    true,
                    false);
            if (scroll.getContent() != null) {
                walk(scroll.getContent(), inner, found);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, inner, found);
            }
        }
    }

    /** The tables under {@code root} that show a horizontal scroll bar (their columns do not fit). */
    public static List<Problem> sidewaysTables(Parent root) {
        List<Problem> found = new ArrayList<>();
        for (Node n : root.lookupAll(".table-view")) {
            for (Node bar : n.lookupAll(".scroll-bar")) {
                if (bar instanceof javafx.scene.control.ScrollBar s
                        && s.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && s.isVisible()
                        && n.isVisible()) {
                    found.add(new Problem(name(n), "scrolls sideways"));
                }
            }
        }
        return found;
    }

    private static void checkText(Labeled labeled, List<Problem> found) {
        String expected = shown(labeled);
        if (expected.isEmpty()) {
            return;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.isVisible()) {
                if (!text.getText().equals(expected)) {
                    found.add(new Problem(name(labeled), "text cut to '" + text.getText() + "'"));
                }
                return;
            }
        }
    }

    /** The text a labeled control means to show: without the mnemonic's underscore. */
    private static String shown(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        if (!labeled.isMnemonicParsing()) {
            return text;
        }
        int at = text.indexOf('_');
        if (at >= 0 && at + 1 < text.length() && text.charAt(at + 1) != '_') {
            return text.substring(0, at) + text.substring(at + 1);
        }
        return text;
    }

    private static void checkPlace(Node node, Area area, List<Problem> found) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        boolean outside = (!area.scrollsRight() && b.getMinX() < area.minX() - SLACK)
                || (!area.scrollsRight() && b.getMaxX() > area.maxX() + SLACK)
                || b.getMinY() < area.minY() - SLACK
                || (!area.scrollsDown() && b.getMaxY() > area.maxY() + SLACK);
        if (outside) {
            found.add(new Problem(
                    name(node),
                    String.format(
                            java.util.Locale.ROOT,
                            "lies at x %.0f–%.0f, y %.0f–%.0f, outside %.0f–%.0f × %.0f–%.0f%s",
                            b.getMinX(),
                            b.getMaxX(),
                            b.getMinY(),
                            b.getMaxY(),
                            area.minX(),
                            area.maxX(),
                            area.minY(),
                            area.maxY(),
                            area.scrollsDown() ? " (scrolling down)" : "")));
        }
    }

    private static String name(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            return id + " '" + l.getText() + "'";
        }
        return id;
    }
}
