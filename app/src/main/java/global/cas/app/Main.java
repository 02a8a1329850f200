package global.cas.app;

import global.cas.app.cli.Terminal;

/**
 * The program's entry point: runs the {@code cas} command line on the process's terminal and exits
 * with its exit code. A plain class (not a JavaFX Application), so a class-path launch works.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Guice's runtime bytecode generation calls sun.misc.Unsafe, which JDK 24+ warns about on every
        // start; nothing here uses method interception, so plain reflection is enough.
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        int code = Cli.create(new CliModule(Terminal.system())).execute(args);
        System.exit(code);
    }
}
