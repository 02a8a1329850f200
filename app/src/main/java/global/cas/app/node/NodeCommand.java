package global.cas.app.node;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cas node}: runs the full node in the foreground until Ctrl-C. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the full node (devnet by default) with its JSON-RPC server on 127.0.0.1, until Ctrl-C.",
            "A second start on the same data folder is refused."
        })
public final class NodeCommand implements Callable<Integer> {
    private final NodeRunner runner;

    @Mixin
    private NodeOptions options;

    @Inject
    NodeCommand(NodeRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        return runner.run(options.settings());
    }
}
