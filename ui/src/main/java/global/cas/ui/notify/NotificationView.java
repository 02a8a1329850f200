package global.cas.ui.notify;

import global.cas.ui.i18n.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.LongFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Draws a {@link NotificationCentre}: the toasts in the window's lower right corner, a bell for
 * the window's top bar with the unread count on it, and the history list that the bell opens
 * (newest first, with times, "Clear all"). Every text is rendered from the entry's figures in the
 * current language, so a language switch rewrites the history too. Closed bursts from the
 * background go to the {@link DesktopAlerts}. The toasts are plain JavaFX regions styled by {@code
 * notify.css} with the theme's own colours, not ControlsFX's notification popup, whose stylesheet
 * needs Modena's looked-up colours that AtlantaFX does not define. FX thread only.
 */
public final class NotificationView {
    private static final String CSS = NotificationView.class
            .getResource("/global/cas/ui/notify/notify.css")
            .toExternalForm();

    private final NotificationCentre centre;
    private final Messages messages;
    private final LongFunction<String> amountText;
    private final DesktopAlerts alerts;
    private final Clock clock;
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final StackPane layer = new StackPane();
    private final VBox toasts = new VBox(8);
    private final VBox panel = new VBox(8);
    private final ListView<NoticeEntry> list = new ListView<>();
    private final Label panelTitle = new Label();
    private final Button clear = new Button();
    private final Button closePanel = new Button("✕");
    private final Label empty = new Label();
    private final Button bell = new Button();
    private final Label badge = new Label();
    private final Tooltip bellTip = new Tooltip();
    private final Timeline ticker;

    /**
     * @param amountText how an amount in base units reads ("125 CAS")
     * @param clock the centre's clock, to tell today's times from older ones
     */
    public NotificationView(
            NotificationCentre centre,
            Messages messages,
            LongFunction<String> amountText,
            DesktopAlerts alerts,
            Clock clock) {
        this.centre = centre;
        this.messages = messages;
        this.amountText = amountText;
        this.alerts = alerts;
        this.clock = clock;
        buildLayer();
        buildBell();
        centre.addListener(this::render);
        messages.languageProperty().addListener((o, a, b) -> render());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        render();
    }

    /**
     * The program's centre: the wall clock, {@link NoticePolicy#defaults()}, and background notices
     * handed to {@code alerts} when the desktop has them.
     */
    public static NotificationView forDesktop(
            Messages messages, LongFunction<String> amountText, DesktopAlerts alerts) {
        Clock clock = Clock.systemDefaultZone();
        return new NotificationView(
                new NotificationCentre(clock, NoticePolicy.defaults(), alerts.available()),
                messages,
                amountText,
                alerts,
                clock);
    }

    /** The layer to lay over the window's content: toasts and the history list; lets clicks through elsewhere. */
    public Node overlay() {
        return layer;
    }

    /** The bell button for the window's top bar: the unread count on it, the history list on click. */
    public Node bell() {
        return bell;
    }

    /** Entries the person has not seen: for the bell and the window's title. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** Posts a notice, knowing from the window whether the person has it in front now. */
    public void post(Notice notice) {
        Window w = layer.getScene() == null ? null : layer.getScene().getWindow();
        boolean focused = w != null && w.isFocused() && !(w instanceof Stage s && s.isIconified());
        post(notice, focused);
    }

    void post(Notice notice, boolean windowFocused) {
        centre.post(notice, windowFocused);
    }

    /** Opens or closes the history list; opening it marks everything read. */
    public void toggleHistory() {
        setHistoryOpen(!panel.isVisible());
    }

    public void setHistoryOpen(boolean open) {
        panel.setVisible(open);
        if (open) {
            centre.markAllRead();
            list.scrollTo(0);
        }
    }

    /** The first line of an entry: "6 blocks mined, 150 CAS". */
    public String summary(NoticeEntry e) {
        return messages.get(e.topic() + ".summary", e.count(), amountText.apply(e.amount()));
    }

    /** The second line: "Blocks 12–17", or empty for notices without a height. */
    public String detail(NoticeEntry e) {
        if (e.firstHeight() < 0) {
            return "";
        }
        return e.firstHeight() == e.lastHeight()
                ? messages.get("notify.height.one", Long.toString(e.lastHeight()))
                : messages.get("notify.height.range", Long.toString(e.firstHeight()), Long.toString(e.lastHeight()));
    }

    /** When an entry last changed: the time for today's, date and time for older ones. */
    public String time(NoticeEntry e) {
        ZonedDateTime t = e.last().atZone(clock.getZone());
        boolean today = t.toLocalDate().equals(LocalDate.now(clock));
        DateTimeFormatter f = today
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
        return f.withLocale(messages.language().locale()).format(t);
    }

    /** Stops the timer (when the window closes). */
    public void stop() {
        ticker.stop();
    }

    void tick() {
        for (NoticeEntry e : centre.tick()) {
            String detail = detail(e);
            alerts.show(summary(e), detail.isEmpty() ? messages.get("app.title") : detail);
        }
    }

    private void buildLayer() {
        layer.getStylesheets().add(CSS);
        layer.getStyleClass().add("notify-layer");
        layer.setPickOnBounds(false);
        toasts.setId("notify-toasts");
        toasts.setAlignment(Pos.BOTTOM_RIGHT);
        toasts.setPickOnBounds(false);
        toasts.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toasts, new Insets(16));

        panel.setId("notify-panel");
        panel.getStyleClass().add("notify-panel");
        panel.setVisible(false);
        panel.setPrefWidth(380);
        panel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(panel, Pos.TOP_RIGHT);
        // below the top bar, so the bell stays visible (and closes it again)
        StackPane.setMargin(panel, new Insets(42, 12, 0, 0));
        panelTitle.getStyleClass().add("notify-panel-title");
        clear.setId("notify-clear");
        clear.setOnAction(e -> centre.clear());
        closePanel.setId("notify-close-panel");
        closePanel.getStyleClass().add("notify-close");
        closePanel.setOnAction(e -> setHistoryOpen(false));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, panelTitle, grow, clear, closePanel);
        header.setAlignment(Pos.CENTER_LEFT);
        list.setId("notify-history");
        list.getStyleClass().add("notify-history");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new EntryCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        panel.getChildren().setAll(header, list);
        layer.getChildren().setAll(toasts, panel);
    }

    private void buildBell() {
        bell.setId("notify-bell");
        bell.getStylesheets().add(CSS);
        bell.getStyleClass().add("notify-bell");
        Region icon = new Region();
        icon.getStyleClass().add("notify-bell-icon");
        badge.setId("notify-badge");
        badge.getStyleClass().add("notify-badge");
        badge.setMouseTransparent(true);
        StackPane graphic = new StackPane(icon, badge);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        graphic.setPrefSize(28, 22);
        bell.setGraphic(graphic);
        bell.setTooltip(bellTip);
        bell.setOnAction(e -> toggleHistory());
    }

    private void render() {
        int n = centre.unread();
        unread.set(n);
        badge.setText(n > 99 ? "99+" : Integer.toString(n));
        badge.setVisible(n > 0);
        String bellText = messages.get("notify.bell", n);
        bellTip.setText(bellText);
        bell.setAccessibleText(bellText);
        panelTitle.setText(messages.get("notify.title"));
        clear.setText(messages.get("notify.clear"));
        clear.setDisable(centre.history().isEmpty());
        closePanel.setAccessibleText(messages.get("notify.close"));
        empty.setText(messages.get("notify.empty"));
        list.getItems().setAll(centre.history());
        // as tall as its lines need, up to a scrolling list of about eight
        list.setPrefHeight(Math.max(64, Math.min(420, list.getItems().size() * 56 + 8)));
        toasts.getChildren()
                .setAll(centre.onScreen().reversed().stream().map(this::toast).toList());
    }

    private Node toast(NoticeEntry e) {
        Label title = new Label(summary(e));
        title.getStyleClass().add("notify-summary");
        title.setWrapText(true);
        Button close = new Button("✕");
        close.getStyleClass().add("notify-close");
        close.setAccessibleText(messages.get("notify.close"));
        close.setOnAction(a -> centre.dismiss(e.id()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, title, grow, close);
        top.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(2, top);
        String detail = detail(e);
        if (!detail.isEmpty()) {
            Label d = new Label(detail);
            d.getStyleClass().add("notify-detail");
            box.getChildren().add(d);
        }
        box.getStyleClass().add("notify-toast");
        box.setPrefWidth(340);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        box.setOnMouseClicked(m -> setHistoryOpen(true));
        return box;
    }

    /** One history line: summary, then detail and time. */
    private final class EntryCell extends ListCell<NoticeEntry> {
        @Override
        protected void updateItem(NoticeEntry e, boolean isEmpty) {
            super.updateItem(e, isEmpty);
            if (isEmpty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label s = new Label(summary(e));
            s.getStyleClass().add("notify-summary");
            s.setWrapText(true);
            String detail = detail(e);
            Label d = new Label(detail.isEmpty() ? time(e) : time(e) + " · " + detail);
            d.getStyleClass().add("notify-detail");
            VBox box = new VBox(2, s, d);
            box.setMaxWidth(340);
            setText(null);
            setGraphic(box);
        }
    }
}
