package global.cas.app.cli;

import global.cas.crypto.Network;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --network} and {@code --datadir}, mixed into every command: the data folder defaults to
 * {@code ~/.cas-wallet/<network>}. Given before the subcommand ({@code cas --datadir D status}) they
 * reach the subcommand's own copy through {@link OptionsAnywhere}. Filled by picocli; read by the
 * command's thread.
 */
public final class CommonOptions {
    @Option(
            names = "--network",
            paramLabel = "<network>",
            converter = NetworkConverter.class,
            description = "devnet, testnet or mainnet (default: devnet).")
    private Network network;

    @Option(
            names = "--datadir",
            paramLabel = "<folder>",
            description = "Data folder (default: ~/.cas-wallet/<network>).")
    private Path dataDir;

    public Network network() {
        return network == null ? Network.DEVNET : network;
    }

    /** The network given with {@code --network}, if it was. */
    public Optional<Network> givenNetwork() {
        return Optional.ofNullable(network);
    }

    /** The data folder given with {@code --datadir}, if it was (absolute). */
    public Optional<Path> givenDataDir() {
        return Optional.ofNullable(dataDir).map(d -> d.toAbsolutePath().normalize());
    }

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cas-wallet", network.id());
    }

    /** Reads a network name, naming the valid ones when it is none of them. */
    public static final class NetworkConverter implements ITypeConverter<Network> {
        @Override
        public Network convert(String value) {
            try {
                return Network.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a network: use devnet, testnet or mainnet.");
            }
        }
    }
}
