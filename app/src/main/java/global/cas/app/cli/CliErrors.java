package global.cas.app.cli;

import com.google.inject.ProvisionException;
import global.cas.node.DataDirLock;
import global.cas.rejection.RejectedException;
import global.cas.rpc.RpcException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error, {@code error: <CODE>: <sentence>}, and an
 * exit code: {@value CliException#USER_ERROR} for refused input (a reason code), {@value
 * CliException#USAGE_ERROR} for a wrong command line, {@value #INTERNAL} for a bug, which alone
 * also prints its stack trace. Stateless.
 */
public final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit code of an unexpected failure (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    /** A classified failure. */
    record Report(String code, String message, int exitCode, boolean bug) {}

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String hint = " (see '" + cmd.getCommandSpec().qualifiedName() + " --help').";
        String message = oneLine(ex.getMessage());
        print(cmd.getErr(), "USAGE", stripStop(message) + hint);
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Report r = classify(ex);
        print(cmd.getErr(), r.code(), r.message());
        if (r.bug()) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return r.exitCode();
    }

    static Report classify(Throwable thrown) {
        Throwable e = unwrap(thrown);
        return switch (e) {
            case CliException c -> new Report(c.code(), c.getMessage(), c.exitCode(), false);
            case RejectedException r -> new Report(r.reason().name(), r.detail(), CliException.USER_ERROR, false);
            case RpcException r -> new Report(r.reason(), r.detail(), CliException.USER_ERROR, false);
            case DataDirLock.AlreadyOpenException a ->
                new Report("ALREADY_OPEN", a.getMessage(), CliException.USER_ERROR, false);
            case BindException b ->
                new Report(
                        "PORT_IN_USE",
                        "The RPC port is taken by another program (" + b.getMessage()
                                + "); choose another with --rpc-port.",
                        CliException.USER_ERROR,
                        false);
            case NoSuchFileException n ->
                new Report("NOT_FOUND", "There is no file " + n.getFile() + ".", CliException.USER_ERROR, false);
            case FileAlreadyExistsException f ->
                new Report(
                        "ALREADY_EXISTS",
                        "The file " + f.getFile() + " already exists; nothing was overwritten.",
                        CliException.USER_ERROR,
                        false);
            case AccessDeniedException a ->
                new Report("IO_ERROR", "Permission denied: " + a.getFile() + ".", CliException.USER_ERROR, false);
            case IOException io ->
                new Report("IO_ERROR", String.valueOf(io.getMessage()), CliException.USER_ERROR, false);
            default ->
                new Report(
                        RpcException.INTERNAL_ERROR_REASON,
                        e.getClass().getName() + ": " + e.getMessage(),
                        INTERNAL,
                        true);
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && (t instanceof ProvisionException
                        || t instanceof CompletionException
                        || t instanceof ExecutionException
                        || t instanceof InvocationTargetException
                        || t instanceof UncheckedIOException
                        || t instanceof CommandLine.ExecutionException)) {
            t = t.getCause();
        }
        return t;
    }

    static void print(PrintWriter err, String code, String message) {
        err.println("error: " + code + ": " + oneLine(message));
        err.flush();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String stripStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
