package global.cas.app.desktop;

import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.settings.SettingsModel;
import global.cas.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visits every screen of the running program in English and in Chinese and writes each as
 * {@code <screen>-<en|zh>.png}: the screenshots in {@code docs/} are the real program over a real
 * devnet, never mock-ups. Then runs {@code whenDone}. FX thread only.
 */
final class ScreenshotTour {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);

    private final MainWindow window;
    private final Messages messages;
    private final Scene scene;
    private final Path dir;
    private final Deque<Runnable> steps = new ArrayDeque<>();

    /** The screens also shot at 200% text, as {@code <screen>-<en|zh>-200.png}. */
    private static final List<String> LARGE_TEXT =
            List.of("overview", "send", "receive", "transactions", "node", "settings", "governance");

    private final SettingsModel settings;

    /**
     * A button on a screen that opens a dialog or a wizard, and what a person would type into its
     * fields (by id) before going on: each page is shot as {@code <screen>-<button>-<n>-<lang>.png}.
     */
    record Opener(String button, java.util.Map<String, String> typed) {}

    /** The dialogs each screen opens, shot after its tabs at 100% text. */
    private static final java.util.Map<String, List<Opener>> DIALOGS = java.util.Map.of(
            "governance",
            List.of(
                    new Opener(
                            "runButton",
                            java.util.Map.of(
                                    "campaign-name", "Li Wei",
                                    "campaign-career", "Ran a payments network for 9 years",
                                    "campaign-platform", "Open books for the reserve; a faucet for newcomers.")),
                    new Opener("newProposal", java.util.Map.of()),
                    new Opener("requestSpend", java.util.Map.of())));

    /**
     * @param settings sets the language and the text size as a person would in Settings, so every
     *     screen (Settings included) shows them alike; the tour puts both back at the end, as the
     *     person had them
     */
    ScreenshotTour(MainWindow window, Messages messages, Scene scene, Path dir, SettingsModel settings) {
        this.settings = settings;
        this.window = window;
        this.messages = messages;
        this.scene = scene;
        this.dir = dir;
    }

    void run(List<String> screens, Runnable whenDone) {
        UiLanguage original = messages.language();
        int originalScale = settings.settings().textScalePercent();
        steps.add(() -> textScale(100)); // the plain shots at 100%, whatever the person chose
        for (UiLanguage lang : UiLanguage.values()) {
            steps.add(() -> language(lang));
            for (String id : screens) {
                steps.add(() -> window.show(id));
                steps.add(() -> shoot(id + "-" + lang.code() + ".png"));
                steps.add(() -> tabs(id, lang.code(), ""));
                for (Opener o : DIALOGS.getOrDefault(id, List.of())) {
                    steps.add(() -> open(o));
                    steps.add(() -> shootDialog(id, o, lang.code(), 1));
                }
            }
        }
        // the same screens at 200% text: nothing cut, the screen scrolls
        steps.add(() -> textScale(200));
        for (UiLanguage lang : UiLanguage.values()) {
            steps.add(() -> language(lang));
            for (String id : screens) {
                if (LARGE_TEXT.contains(id)) {
                    steps.add(() -> window.show(id));
                    steps.add(() -> shoot(id + "-" + lang.code() + "-200.png"));
                    steps.add(() -> tabs(id, lang.code(), "-200"));
                }
            }
        }
        steps.add(() -> textScale(originalScale)); // the person's text size again, not 100%
        steps.add(() -> language(original));
        steps.add(whenDone);
        next();
    }

    /** Shoots whatever the window shows now as {@code <name>-<en|zh>.png} (e.g. the first run). */
    void runCurrent(String name, Runnable whenDone) {
        UiLanguage original = messages.language();
        for (UiLanguage lang : UiLanguage.values()) {
            steps.add(() -> language(lang));
            steps.add(() -> shoot(name + "-" + lang.code() + ".png"));
        }
        steps.add(() -> language(original));
        steps.add(whenDone);
        next();
    }

    /**
     * A screen made of tabs (its {@code TabPane} has the id {@code tabs}) is shot once per tab
     * after the first, as {@code <screen>-<tab id>-<lang>.png}; the steps go right after this one.
     */
    private void tabs(String id, String lang, String suffix) {
        if (!(scene.lookup("#tabs") instanceof javafx.scene.control.TabPane pane)) {
            return;
        }
        Deque<Runnable> more = new ArrayDeque<>();
        for (int i = 1; i < pane.getTabs().size(); i++) {
            javafx.scene.control.Tab tab = pane.getTabs().get(i);
            more.add(() -> pane.getSelectionModel().select(tab));
            more.add(() -> shoot(id + "-" + tab.getId() + "-" + lang + suffix + ".png"));
        }
        more.add(() -> pane.getSelectionModel().select(0));
        while (!more.isEmpty()) {
            steps.addFirst(more.pollLast());
        }
    }

    /** Presses {@code o}'s button after this step returns (a dialog's showAndWait must not block the tour). */
    private void open(Opener o) {
        if (scene.lookup("#" + o.button()) instanceof javafx.scene.control.Button b && !b.isDisabled()) {
            javafx.application.Platform.runLater(b::fire);
        } else {
            LOG.info("screenshot: {} is not available now, its dialog is not shot", o.button());
        }
    }

    private java.util.Optional<javafx.stage.Window> dialog() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w.isShowing() && w != scene.getWindow())
                .reduce((a, b) -> b);
    }

    /** Shoots the open dialog's page {@code page}, then goes on to its next page or closes it. */
    private void shootDialog(String screen, Opener o, String lang, int page) {
        java.util.Optional<javafx.stage.Window> w = dialog();
        if (w.isEmpty()) {
            return;
        }
        Scene ds = w.get().getScene();
        o.typed().forEach((field, text) -> {
            if (ds.lookup("#" + field) instanceof javafx.scene.control.TextInputControl t
                    && t.getText().isEmpty()) {
                t.setText(text);
            }
        });
        shoot(ds, screen + "-" + o.button() + "-" + page + "-" + lang + ".png");
        java.util.Optional<javafx.scene.control.Button> next = ds.getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b
                        && javafx.scene.control.ButtonBar.getButtonData(b)
                                == javafx.scene.control.ButtonBar.ButtonData.NEXT_FORWARD
                        && b.isVisible()
                        && !b.isDisabled())
                .map(n -> (javafx.scene.control.Button) n)
                .findFirst();
        if (next.isPresent() && page < 10) {
            steps.addFirst(() -> shootDialog(screen, o, lang, page + 1));
            steps.addFirst(next.get()::fire);
        } else {
            steps.addFirst(() -> dialog().ifPresent(javafx.stage.Window::hide));
        }
    }

    private void language(UiLanguage lang) {
        settings.settingsProperty().set(settings.settings().withLanguage(lang));
    }

    private void textScale(int percent) {
        settings.settingsProperty().set(settings.settings().withTextScale(percent));
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            return;
        }
        step.run();
        // let the screen load its data from the node and lay itself out before the next step
        PauseTransition pause = new PauseTransition(Duration.millis(900));
        pause.setOnFinished(e -> next());
        pause.play();
    }

    private void shoot(String name) {
        shoot(scene, name);
    }

    private void shoot(Scene target, String name) {
        WritableImage image = target.snapshot(null);
        try {
            Files.createDirectories(dir);
            ImageIO.write(
                    SwingFXUtils.fromFXImage(image, null),
                    "png",
                    dir.resolve(name).toFile());
            LOG.info("screenshot {}", dir.resolve(name));
        } catch (IOException e) {
            LOG.error("cannot write screenshot {}", name, e);
        }
    }
}
