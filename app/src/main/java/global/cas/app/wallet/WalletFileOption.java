package global.cas.app.wallet;

import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.wallet.keys.Keystore;
import global.cas.wallet.keys.KeystoreFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --wallet}: which keystore file. A bare name ({@code faucet.wallet}) lives in {@code
 * <datadir>/wallets/}; anything with a folder in it is a path. Default {@code
 * <datadir>/wallets/default.wallet}. Filled by picocli.
 */
public final class WalletFileOption {
    public static final String DEFAULT_NAME = "default.wallet";

    @Option(
            names = "--wallet",
            paramLabel = "<file>",
            description = "Wallet file: a bare name is kept in <datadir>/wallets/ (default: " + DEFAULT_NAME + ").")
    private String wallet;

    /** The wallet file for the data folder of {@code common}. */
    public Path path(CommonOptions common) {
        return path(common.dataDir());
    }

    /** The wallet file for the data folder {@code dataDir}. */
    public Path path(Path dataDir) {
        Path walletsDir = dataDir.resolve("wallets");
        if (wallet == null || wallet.isBlank()) {
            return walletsDir.resolve(DEFAULT_NAME);
        }
        Path p = Path.of(wallet.strip());
        return p.getParent() == null
                ? walletsDir.resolve(p)
                : p.toAbsolutePath().normalize();
    }

    /** The path for a wallet about to be written; refuses to overwrite an existing one. */
    public Path newPath(CommonOptions common) {
        Path file = path(common);
        if (java.nio.file.Files.exists(file)) {
            throw new CliException(
                    "ALREADY_EXISTS",
                    "The wallet file " + file + " already exists; choose another name with --wallet.");
        }
        return file;
    }

    /**
     * Opens the wallet file (no password needed) and checks that it is for the command's network.
     *
     * @throws CliException {@code NOT_FOUND} or {@code WRONG_NETWORK}
     */
    public KeystoreFile open(Keystore keystore, CommonOptions common) throws IOException {
        Path file = path(common);
        KeystoreFile opened;
        try {
            opened = keystore.open(file);
        } catch (NoSuchFileException e) {
            throw new CliException(
                    Reason.NOT_FOUND,
                    "There is no wallet file " + file
                            + " (make one with 'cas wallet create' or 'cas wallet restore', or name it with --wallet).");
        }
        Network network = opened.network();
        if (network != common.network()) {
            throw new CliException(
                    Reason.WRONG_NETWORK,
                    "The wallet " + file.getFileName() + " is for " + network.id() + ", not "
                            + common.network().id() + " (use --network " + network.id() + ").");
        }
        return opened;
    }
}
