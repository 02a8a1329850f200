package global.cas.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
            return given.get();
        }
        char[] first = nonEmpty(terminal.askSecret("New wallet password: ").orElseThrow(() -> noConsole()));
        char[] second = terminal.askSecret("The same password again: ").orElseThrow(() -> noConsole());
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new CliException("PASSWORD_MISMATCH", "The two passwords differ; nothing was written.");
        }
        return first;
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
            List<String> lines;
            try {
                lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException("NOT_FOUND", "There is no password file " + passwordFile + ".");
            } catch (IOException e) {
                throw new CliException(
                        "IO_ERROR", "Cannot read the password file " + passwordFile + ": " + e.getMessage() + ".");
            }
            return Optional.of(
                    nonEmpty(lines.isEmpty() ? new char[0] : lines.get(0).toCharArray()));
        }
        if (passwordStdin) {
            String line = terminal.readLine().orElse("");
            return Optional.of(nonEmpty(line.toCharArray()));
        }
        return Optional.empty();
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
