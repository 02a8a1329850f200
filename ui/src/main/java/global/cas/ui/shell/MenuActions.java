package global.cas.ui.shell;

import java.nio.file.Path;
import javafx.collections.ObservableList;

/**
 * What the menu bar's File and Help entries do; the program supplies them (it owns the wallets and
 * the node). Called on the FX thread; each returns at once and does its work in the background.
 */
public interface MenuActions {
    /** File → Open wallet…: choose a wallet file and open it in place of the open one. */
    void openWallet();

    /** File → New wallet…: create or restore a wallet in a new file. */
    void newWallet();

    /** The wallet files opened lately, newest first (File → Recent wallets). */
    ObservableList<Path> recentWallets();

    /** Opens one of {@link #recentWallets}. */
    void openRecent(Path wallet);

    /** Help → About: the version, the data folder and the chain. */
    void about();

    /** File → Quit: closes the window as its close button does. */
    void quit();
}
