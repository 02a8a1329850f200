package global.cas.app.desktop;

import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.MenuActions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop's menu actions: wallet files chosen with the system's file dialog, recent wallets,
 * the about box and quitting through the window's own close path (so the node closes cleanly). FX
 * thread.
 */
final class DesktopMenu implements MenuActions {
    private final Stage stage;
    private final Messages messages;
    private final Path dataDir;
    private final Supplier<String> chainId;
    private final Supplier<Optional<Path>> openWallet;
    private final Consumer<Path> open;
    private final Consumer<Path> create;
    private final RecentWallets recent;

    /**
     * @param openWallet the wallet file open now, if any
     * @param open opens a wallet file in place of the open one
     * @param create starts the new-wallet flow for a file that does not exist yet
     */
    DesktopMenu(
            Stage stage,
            Messages messages,
            Path dataDir,
            Supplier<String> chainId,
            Supplier<Optional<Path>> openWallet,
            Consumer<Path> open,
            Consumer<Path> create,
            RecentWallets recent) {
        this.stage = stage;
        this.messages = messages;
        this.dataDir = dataDir;
        this.chainId = chainId;
        this.openWallet = openWallet;
        this.open = open;
        this.create = create;
        this.recent = recent;
    }

    private FileChooser chooser(String titleKey) {
        FileChooser c = new FileChooser();
        c.setTitle(messages.get(titleKey));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("wallet.filter"), "*.wallet"));
        java.io.File start = openWallet
                .get()
                .map(p -> p.toAbsolutePath().getParent())
                .orElse(dataDir)
                .toFile();
        if (start.isDirectory()) {
            c.setInitialDirectory(start);
        }
        return c;
    }

    @Override
    public void openWallet() {
        var f = chooser("wallet.open.title").showOpenDialog(stage);
        if (f != null) {
            open.accept(f.toPath());
        }
    }

    @Override
    public void newWallet() {
        FileChooser c = chooser("wallet.new.title");
        c.setInitialFileName("wallet-" + (recent.list().size() + 2) + ".wallet");
        var f = c.showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            create.accept(p.toString().endsWith(".wallet") ? p : Path.of(p + ".wallet"));
        }
    }

    @Override
    public ObservableList<Path> recentWallets() {
        return recent.list();
    }

    @Override
    public void openRecent(Path wallet) {
        open.accept(wallet);
    }

    @Override
    public void about() {
        String version = Optional.ofNullable(DesktopMenu.class.getPackage().getImplementationVersion())
                .orElse("dev");
        Alert a = new Alert(
                Alert.AlertType.INFORMATION,
                messages.get(
                        "about.text",
                        version,
                        dataDir,
                        chainId.get(),
                        openWallet.get().map(Path::toString).orElse(messages.get("about.noWallet"))));
        a.setTitle(messages.get("menu.help.about"));
        a.setHeaderText(messages.get("app.title"));
        a.initOwner(stage);
        a.show();
    }

    @Override
    public void quit() {
        stage.getOnCloseRequest().handle(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }
}
