package global.cas.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import global.cas.app.cli.Terminal;
import global.cas.wallet.keys.KdfParams;
import global.cas.wallet.keys.Keystore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@code cas} in-process with captured output, a given standard input and no console, and a
 * keystore with cheap Argon2 parameters so tests stay fast.
 */
public final class CasCli {
    /** Cheap Argon2id for tests: files written with it still open like any other. */
    static final KdfParams FAST_KDF = new KdfParams(1, 64, 1);

    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Cli cli;

    private CasCli(String stdin) {
        Terminal terminal = Terminal.of(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        this.cli = Cli.create(Modules.override(new CliModule(terminal)).with(new FastKeystore()));
    }

    /** A command line whose standard input holds {@code stdin}. */
    public static CasCli withInput(String stdin) {
        return new CasCli(stdin);
    }

    /** Runs {@code args} with empty standard input. */
    public static Result run(String... args) {
        return new CasCli("").execute(args);
    }

    public Cli cli() {
        return cli;
    }

    public Result execute(String... args) {
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Output so far (for a command still running on another thread). */
    public String outSoFar() {
        return out.toString();
    }

    public String errSoFar() {
        return err.toString();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static final class FastKeystore extends AbstractModule {
        @Provides
        @Singleton
        Keystore keystore(SecureRandom random) {
            return new Keystore(random, FAST_KDF);
        }
    }
}
