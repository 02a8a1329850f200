package global.cas.app.localnet;

import picocli.CommandLine.Option;

/** The {@code --dir} option every {@code cas localnet} command takes. Filled by picocli. */
public final class LocalnetDir {
    @Option(names = "--dir", required = true, paramLabel = "<folder>", description = "The localnet's folder.")
    private java.nio.file.Path dir;

    /** The localnet of that folder (made absolute: its nodes are started from other folders). */
    public Localnet localnet() {
        return new Localnet(dir.toAbsolutePath());
    }
}
