package global.cas.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import global.cas.app.cli.CliErrors;
import global.cas.app.cli.OptionsAnywhere;
import global.cas.app.cli.Terminal;
import picocli.CommandLine;

/**
 * One {@code cas} command line: the Guice injector its commands come from and the configured
 * picocli {@link CommandLine} (output to the injected {@link Terminal}, one-line errors with reason
 * codes, case-insensitive enum values, options before or after the subcommand: {@link
 * OptionsAnywhere}). Tests create one per run with their own terminal and
 * module overrides. Not thread-safe: one {@link #execute} at a time.
 */
public final class Cli {
    private final Injector injector;
    private final CommandLine commandLine;

    private Cli(Injector injector) {
        this.injector = injector;
        Terminal terminal = injector.getInstance(Terminal.class);
        CliErrors errors = new CliErrors();
        this.commandLine = new CommandLine(CasCommand.class, new GuiceFactory(injector))
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(new OptionsAnywhere(new CommandLine.RunLast()))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    /** A command line whose commands are built by an injector of {@code modules}. */
    public static Cli create(Module... modules) {
        return new Cli(Guice.createInjector(modules));
    }

    public Injector injector() {
        return injector;
    }

    public CommandLine commandLine() {
        return commandLine;
    }

    /** Parses and runs {@code args}; returns the exit code. */
    public int execute(String... args) {
        return commandLine.execute(args);
    }
}
