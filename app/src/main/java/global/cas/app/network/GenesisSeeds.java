package global.cas.app.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.app.cli.CliException;
import global.cas.chain.Genesis;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed addresses of a genesis file: its optional {@code "seeds"} list of {@code host:port}
 * strings, which a node dials when it is given no {@code --peer}. The list is not a chain
 * parameter ({@link Genesis#parse} ignores it, so it is not in the genesis hash): a network's seeds
 * may change without a new chain. The bundled testnet lists where its four validators listen when
 * run on this computer ({@code cas localnet start --network testnet}); devnet and mainnet list none.
 * Stateless.
 */
public final class GenesisSeeds {
    /** The field of a genesis file that lists the seeds. */
    public static final String FIELD = "seeds";

    private GenesisSeeds() {}

    /**
     * The seeds of the genesis a node runs: those of {@code genesisFile} when given, else those of
     * the network's bundled genesis.
     *
     * @throws CliException {@code MALFORMED} naming the file and the entry when a seed is no {@code
     *     host:port}; {@code IO_ERROR} when the file cannot be read
     */
    public static List<InetSocketAddress> of(Network network, Optional<Path> genesisFile) {
        if (genesisFile.isPresent()) {
            Path file = genesisFile.get();
            try {
                return parse(Files.readAllBytes(file), file.toString());
            } catch (IOException e) {
                throw new CliException(
                        "IO_ERROR", "Cannot read the genesis file " + file + ": " + e.getMessage() + ".");
            }
        }
        return bundled(network);
    }

    /** The seeds of the network's bundled genesis. */
    public static List<InetSocketAddress> bundled(Network network) {
        String name = "genesis/" + network.id() + ".json";
        try (InputStream in = Genesis.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the " + network.id() + " genesis is missing from the build");
            }
            return parse(in.readAllBytes(), "the bundled " + network.id() + " genesis");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + network.id() + " genesis", e);
        }
    }

    /** The seeds listed in the genesis JSON {@code json}; {@code where} names it in errors. */
    public static List<InetSocketAddress> parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new CliException(Reason.MALFORMED, where + " is not JSON: " + e.getMessage() + ".");
        }
        JsonNode list = root.path(FIELD);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new CliException(Reason.MALFORMED, where + ": '" + FIELD + "' must list host:port strings.");
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (JsonNode s : list) {
            Optional<InetSocketAddress> a = s.isTextual() ? hostPort(s.asText()) : Optional.empty();
            if (a.isEmpty()) {
                throw new CliException(
                        Reason.MALFORMED, where + ": the seed " + s + " is not host:port with a port from 1 to 65535.");
            }
            out.add(a.get());
        }
        return List.copyOf(out);
    }

    /**
     * {@code host:port} as an unresolved address (resolved when dialled), or empty when {@code text}
     * is none: no host, or no port from 1 to 65535.
     */
    public static Optional<InetSocketAddress> hostPort(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = t.substring(colon + 1);
        if (host.isEmpty() || host.contains(" ") || !port.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            return Optional.empty();
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, p));
    }
}
