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
        WritableImage image = scene.snapshot(null);
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
