package global.cas.ui.control;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The screen pattern "nothing is ever cut" (DESIGN.md, screen patterns): a screen sits in a frame
 * that scrolls down when it does not fit, its labels and buttons never shrink below their text
 * (single-line text keeps its width, wrapped text the height of all its lines), choosers keep the
 * width of their value, and a table's columns are never narrower than their headers (the table then
 * scrolls sideways inside itself). A layout that cannot fit its width must reflow (a {@code
 * FlowPane}, fields under their labels), which the large-text test checks. FX thread only.
 */
public final class Fit {
    /** Room beside a column header's text: the header's padding and the sort arrow. */
    private static final double HEADER_ROOM = 28;

    private Fit() {}

    /** {@code view} in a frame that fills the space given and scrolls down (never sideways) when the view needs more. */
    public static ScrollPane scrolling(Parent view) {
        keepWhole(view);
        ScrollPane frame = new ScrollPane(view);
        frame.setFitToWidth(true);
        frame.setFitToHeight(true);
        frame.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        frame.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        frame.getStyleClass().add("screen-frame");
        return frame;
    }

    /** Applies the never-cut rule to every labeled control, chooser and table under {@code root}, as loaded. */
    public static void keepWhole(Node root) {
        switch (root) {
            case Labeled labeled -> keepText(labeled);
            case ComboBoxBase<?> chooser -> chooser.setMinWidth(Region.USE_PREF_SIZE);
            case Spinner<?> spinner -> spinner.setMinWidth(Region.USE_PREF_SIZE);
            case TableView<?> table -> headersWide(table);
            default -> {}
        }
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(Fit::keepWhole);
        }
    }

    /** A label or button keeps its whole text: one line at its full width, or every wrapped line. */
    public static void keepText(Labeled labeled) {
        labeled.setMinHeight(Region.USE_PREF_SIZE);
        if (!labeled.isWrapText()) {
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /**
     * Each column of {@code table} is never narrower than its header's text, in the header's font
     * as CSS sets it (followed as the text size changes).
     */
    private static void headersWide(TableView<?> table) {
        Runnable fit = () -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader header
                        && header.getTableColumn() != null
                        && header.lookup(".label") instanceof Label label
                        && label.getProperties().putIfAbsent(Fit.class, Boolean.TRUE) == null) {
                    TableColumnBase<?, ?> column = header.getTableColumn();
                    ChangeListener<Object> update = (o, a, b) -> {
                        double wide = textWidth(label) + HEADER_ROOM;
                        column.setMinWidth(wide);
                        if (column.getPrefWidth() < wide) {
                            column.setPrefWidth(wide);
                        }
                    };
                    label.fontProperty().addListener(update);
                    label.textProperty().addListener(update);
                    update.changed(null, null, null);
                }
            }
        };
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                fit.run();
            }
        });
        // headers appear with the first layout (and again when columns change): look after each layout
        table.needsLayoutProperty().addListener((o, was, now) -> {
            if (!now) {
                fit.run();
            }
        });
        if (table.getSkin() != null) {
            fit.run();
        }
    }

    private static double textWidth(Label label) {
        Text probe = new Text(label.getText() == null ? "" : label.getText());
        probe.setFont(label.getFont());
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }
}
