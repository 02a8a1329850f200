package global.cas.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a command reads and writes: standard input (read line by line through one buffer, so
 * several reads share it), standard output for results, standard error for messages and errors,
 * and the interactive console when there is one (for prompts and passwords without echo). Tests
 * build one over strings. Thread-safe for output (the writers are synchronized); input is read by
 * the command's thread only.
 */
public final class Terminal {
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Optional<Console> console;
    private final Charset outCharset;

    public Terminal(InputStream in, PrintWriter out, PrintWriter err, Optional<Console> console, Charset outCharset) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.err = err;
        this.console = console;
        this.outCharset = outCharset;
    }

    /** The process's standard streams and console. */
    public static Terminal system() {
        Charset outCharset = System.out.charset();
        return new Terminal(
                System.in,
                new PrintWriter(new OutputStreamWriter(System.out, outCharset), true),
                new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true),
                interactiveConsole(),
                outCharset);
    }

    /** A terminal without console over the given streams (UTF-8), for tests and scripts. */
    public static Terminal of(InputStream in, PrintWriter out, PrintWriter err) {
        return new Terminal(in, out, err, Optional.empty(), StandardCharsets.UTF_8);
    }

    /**
     * The console when input and output are a terminal. JDK 22+ returns a console even when the
     * streams are redirected and tells the two apart with {@code Console.isTerminal()}, which this
     * Java 21 build calls when it exists.
     */
    private static Optional<Console> interactiveConsole() {
        Console c = System.console();
        if (c == null) {
            return Optional.empty();
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(c)) ? Optional.of(c) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** True when a person can be asked (there is a console). */
    public boolean interactive() {
        return console.isPresent();
    }

    /** True when standard output can show {@code text} (a Chinese phrase needs a UTF-8 terminal). */
    public boolean canShow(String text) {
        return outCharset.newEncoder().canEncode(text);
    }

    /** The next line of standard input, without its line end; empty at the end of input. */
    public Optional<String> readLine() {
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /** Asks on the console without echo; empty when there is no console or input ended. */
    public Optional<char[]> askSecret(String prompt) {
        return console.map(c -> c.readPassword("%s", prompt));
    }

    /** Asks on the console with echo; empty when there is no console or input ended. */
    public Optional<String> askLine(String prompt) {
        return console.map(c -> c.readLine("%s", prompt));
    }
}
