package global.cas.app.cli;

import global.cas.rejection.Reason;
import global.cas.wallet.keys.PasswordStrength;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * How a command gets the wallet password: asked on the console (twice for a new wallet), or for
 * scripts and tests the first line of {@code --password-file} or of standard input with {@code
 * --password-stdin}. The caller wipes the returned array. Filled by picocli.
 */
public final class PasswordOptions {
    @Option(
            names = "--password-file",
            paramLabel = "<file>",
            description = "Read the wallet password from the first line of this file (for scripts).")
    private Path passwordFile;

    @Option(
            names = "--password-stdin",
            description = "Read the wallet password from the next line of standard input (for scripts).")
    private boolean passwordStdin;

    /** The password of an existing wallet. */
    public char[] existing(Terminal terminal) {
        return nonInteractive(terminal)
                .orElseGet(
                        () -> nonEmpty(terminal.askSecret("Wallet password: ").orElseThrow(() -> noConsole())));
    }

    /** A new password: asked twice on the console, which must agree. */
    public char[] fresh(Terminal terminal) {
        Optional<char[]> given = nonInteractive(terminal);
        if (given.isPresent()) {
            // a script's password (a devnet's, a test's) is its owner's choice: said, not refused
            if (!new PasswordStrength()
                    .rate(java.nio.CharBuffer.wrap(given.get()))
                    .acceptable()) {
                terminal.err().println("warning: WEAK_PASSWORD: " + Reason.WEAK_PASSWORD.sentence());
                terminal.err().flush();
            }
            return given.get();
        }
        return askTwice(terminal, "nothing was written", "use --password-file <file> or --password-stdin");
    }

    /**
     * A new password asked twice on the console; when the two differ, {@code PASSWORD_MISMATCH}
     * ending with {@code consequence} ("nothing was written"); without a console, {@code USAGE}
     * with {@code instead} (the options that give it otherwise).
     */
    public static char[] askTwice(Terminal terminal, String consequence, String instead) {
        Supplier<CliException> noConsole =
                () -> CliException.usage("There is no terminal to ask the password on: " + instead + ".");
        char[] first = nonEmpty(terminal.askSecret("New wallet password: ").orElseThrow(noConsole));
        char[] second = terminal.askSecret("The same password again: ").orElseThrow(noConsole);
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new CliException("PASSWORD_MISMATCH", "The two passwords differ; " + consequence + ".");
        }
        if (!new PasswordStrength().rate(java.nio.CharBuffer.wrap(first)).acceptable()) {
            Arrays.fill(first, '\0');
            throw new CliException(
                    "WEAK_PASSWORD", Reason.WEAK_PASSWORD.sentence() + " " + capitalised(consequence) + ".");
        }
        return first;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** True when the password comes from standard input (so other input must come first). */
    public boolean fromStdin() {
        return passwordStdin;
    }

    private Optional<char[]> nonInteractive(Terminal terminal) {
        if (passwordFile != null && passwordStdin) {
            throw CliException.usage("Use either --password-file or --password-stdin, not both.");
        }
        if (passwordFile != null) {
            return Optional.of(fromFile(passwordFile));
        }
        if (passwordStdin) {
            String line = terminal.readLine().orElse("");
            return Optional.of(nonEmpty(line.toCharArray()));
        }
        return Optional.empty();
    }

    /**
     * The password on the first line of {@code file}.
     *
     * @throws CliException {@code NOT_FOUND}, {@code IO_ERROR} or {@code EMPTY_PASSWORD}
     */
    public static char[] fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("NOT_FOUND", "There is no password file " + file + ".");
        } catch (IOException e) {
            throw new CliException("IO_ERROR", "Cannot read the password file " + file + ": " + e.getMessage() + ".");
        }
        return nonEmpty(lines.isEmpty() ? new char[0] : lines.get(0).toCharArray());
    }

    private static char[] nonEmpty(char[] password) {
        if (password.length == 0) {
            throw new CliException("EMPTY_PASSWORD", "The wallet password cannot be empty.");
        }
        return password;
    }

    private static CliException noConsole() {
        return CliException.usage(
                "There is no terminal to ask the password on: use --password-file <file> or --password-stdin.");
    }
}
