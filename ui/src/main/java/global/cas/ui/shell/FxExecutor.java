package global.cas.ui.shell;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Runs tasks on the FX thread: the executor to finish a node call on. */
public final class FxExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
