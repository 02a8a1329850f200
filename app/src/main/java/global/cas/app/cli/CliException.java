package global.cas.app.cli;

import global.cas.rejection.Reason;

/**
 * A user error found by the command line itself, with a reason code (a {@link Reason} name, or one
 * of the command line's own codes: {@code USAGE}, {@code PASSWORD_MISMATCH}, {@code EMPTY_PASSWORD},
 * {@code ALREADY_EXISTS}...) and a sentence. Reported as one line, never with a stack trace.
 */
public final class CliException extends RuntimeException {
    /** Exit code of user errors. */
    public static final int USER_ERROR = 1;
    /** Exit code of a wrong command line (picocli's convention). */
    public static final int USAGE_ERROR = 2;

    private final String code;
    private final int exitCode;

    public CliException(String code, String message, int exitCode) {
        super(message);
        this.code = code;
        this.exitCode = exitCode;
    }

    public CliException(String code, String message) {
        this(code, message, USER_ERROR);
    }

    public CliException(Reason reason, String message) {
        this(reason.name(), message, USER_ERROR);
    }

    /** A wrong combination of options, exit code {@value #USAGE_ERROR}. */
    public static CliException usage(String message) {
        return new CliException("USAGE", message, USAGE_ERROR);
    }

    public String code() {
        return code;
    }

    public int exitCode() {
        return exitCode;
    }
}
