package global.cas.app.localnet;

import global.cas.app.cli.CliException;
import global.cas.chain.Genesis;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a node following a localnet ({@code cas --localnet D}: the desktop, or with {@code
 * --headless} / {@code cas node} the node alone) runs: the localnet's genesis file, its network, the
 * nodes' peer-to-peer ports on loopback ({@code node-i/p2p.port}, written when {@code cas localnet
 * start} started them) and a data folder of its own, {@code D/}{@value #DATA_DIR}. It holds no
 * validator key: it checks each block's commit and executes it. Immutable.
 *
 * @param genesis the localnet's {@code genesis.json}
 * @param network the network of that genesis (devnet for a new chain, testnet for the testnet's)
 * @param peers {@code 127.0.0.1:<port>} of every node that has a p2p port, in node order
 * @param dataDir {@code D/desktop}, the follower's data folder unless {@code --datadir} names another
 */
public record LocalnetFollower(Path genesis, Network network, List<InetSocketAddress> peers, Path dataDir) {
    /** The follower's data folder inside the localnet's folder. */
    public static final String DATA_DIR = "desktop";

    public LocalnetFollower {
        peers = List.copyOf(peers);
    }

    /**
     * Reads the localnet of {@code dir}.
     *
     * @throws CliException {@code NOT_FOUND} when {@code dir} holds no localnet, or none of its nodes
     *     was ever started (no p2p port to follow); the genesis' own reason when it is damaged
     */
    public static LocalnetFollower of(Path dir) {
        Localnet net = new Localnet(dir.toAbsolutePath().normalize());
        Path genesis = net.dir().resolve(Localnet.GENESIS);
        if (!Files.isRegularFile(genesis)) {
            throw new CliException(
                    Reason.NOT_FOUND,
                    "The folder " + net.dir() + " holds no localnet (no " + Localnet.GENESIS
                            + "); make one with 'cas localnet start --dir " + net.dir() + "'.");
        }
        Network network;
        try {
            network = Genesis.load(genesis).network();
        } catch (IOException e) {
            throw new CliException("IO_ERROR", "Cannot read " + genesis + ": " + e.getMessage() + ".");
        } catch (RejectedException e) {
            throw new CliException(e.reason(), "The localnet's genesis " + genesis + " is refused: " + e.detail());
        }
        List<InetSocketAddress> peers = new ArrayList<>();
        for (Path node : net.nodes()) {
            OptionalInt port = Localnet.p2pPort(node);
            if (port.isPresent()) {
                peers.add(InetSocketAddress.createUnresolved("127.0.0.1", port.getAsInt()));
            }
        }
        if (peers.isEmpty()) {
            throw new CliException(
                    Reason.NOT_FOUND,
                    "No node of the localnet in " + net.dir() + " has a p2p port to follow yet; start them with"
                            + " 'cas localnet start --dir " + net.dir() + "'.");
        }
        return new LocalnetFollower(genesis, network, peers, net.dir().resolve(DATA_DIR));
    }
}
