package global.cas.app;

import global.cas.app.node.NodeOptions;
import global.cas.app.node.NodeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The node settings a command line gives, parsed as {@code cas node} parses it, without running anything. */
public final class ParsedNodeOptions {
    @Command
    static final class Parsed {
        @Mixin
        NodeOptions options;
    }

    private ParsedNodeOptions() {}

    public static NodeSettings settings(String... args) {
        Parsed p = new Parsed();
        new CommandLine(p).parseArgs(args);
        return p.options.settings();
    }
}
