package global.cas.app.localnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.app.cli.CliException;
import global.cas.app.network.GenesisSeeds;
import global.cas.app.network.TestnetValidators;
import global.cas.chain.Genesis;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A localnet's folder: {@code genesis.json} (a new chain of devnet addresses whose validators are
 * the localnet's, or the bundled testnet's genesis, whose four public validators it runs on their
 * seed ports: {@link #createTestnet}), and one data folder per validator ({@code node-0}, {@code node-1}…) with its
 * key ({@code validator.key}), the process id of its node ({@code node.pid}) and its log ({@code
 * node.log}). The nodes are separate processes of this program ({@code cas node --headless}).
 */
public final class Localnet {
    public static final String GENESIS = "genesis.json";
    public static final String KEY = "validator.key";
    public static final String PID = "node.pid";
    public static final String LOG = "node.log";
    /** The p2p port a node listens on, kept across restarts (a testnet localnet's: its seed's). */
    public static final String P2P_PORT = "p2p.port";

    public static final int MAX_VALIDATORS = 16;

    /**
     * The Java options each node process gets unless told others: 1 GiB of heap, the parallel
     * collector and compact object headers, which halved the collector's CPU a transfer against G1 in
     * 512 MiB with four nodes on two cores (docs/benchmarks.md, "Validators as separate processes").
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders");

    private final Path dir;

    public Localnet(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path node(int i) {
        return dir.resolve("node-" + i);
    }

    /** The nodes' data folders, in order. */
    public List<Path> nodes() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; Files.isDirectory(node(i)); i++) {
            out.add(node(i));
        }
        return out;
    }

    /** The running process of a node, if its pid file names a live one. */
    public static Optional<ProcessHandle> process(Path node) {
        try {
            String text = Files.readString(node.resolve(PID)).strip();
            return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the genesis and the keys of {@code validators} new validators, then starts one node per
     * validator, each dialling all the others.
     *
     * @throws CliException {@code ALREADY_EXISTS} when the folder already holds a localnet
     */
    public List<Path> create(int validators) throws IOException {
        if (validators < 1 || validators > MAX_VALIDATORS) {
            throw CliException.usage("--validators takes 1 to " + MAX_VALIDATORS + ", not " + validators + ".");
        }
        requireNone();
        SecureRandom random = new SecureRandom();
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            KeyPair k = KeyPair.random(random);
            keys.add(k);
            writeKey(i, k);
        }
        Files.write(dir.resolve(GENESIS), genesis(keys, random));
        return nodes();
    }

    /**
     * Writes the bundled testnet genesis as it is and the keys of its {@value
     * TestnetValidators#COUNT} public validators ({@link TestnetValidators}), each node to listen on
     * the port of its seed ({@link GenesisSeeds}), so that a node started with {@code --network
     * testnet} and no {@code --peer} finds them.
     *
     * @throws CliException {@code ALREADY_EXISTS} when the folder already holds a localnet
     */
    public List<Path> createTestnet() throws IOException {
        List<InetSocketAddress> seeds = GenesisSeeds.bundled(Network.TESTNET);
        if (seeds.size() != TestnetValidators.COUNT) {
            throw new IllegalStateException("the bundled testnet genesis lists " + seeds.size() + " seeds for "
                    + TestnetValidators.COUNT + " validators");
        }
        requireNone();
        TestnetValidators keys = new TestnetValidators();
        for (int i = 0; i < TestnetValidators.COUNT; i++) {
            writeKey(i, keys.key(i));
            Files.writeString(node(i).resolve(P2P_PORT), seeds.get(i).getPort() + "\n");
        }
        try (InputStream in = Genesis.class.getResourceAsStream("genesis/testnet.json")) {
            if (in == null) {
                throw new IllegalStateException("the testnet genesis is missing from the build");
            }
            Files.write(dir.resolve(GENESIS), in.readAllBytes());
        }
        return nodes();
    }

    private void requireNone() throws IOException {
        if (Files.exists(dir.resolve(GENESIS))) {
            throw new CliException(
                    "ALREADY_EXISTS",
                    "The folder " + dir + " already holds a localnet; start its nodes with 'cas localnet start --dir "
                            + dir + "' after 'cas localnet stop', or choose another folder.");
        }
        Files.createDirectories(dir);
    }

    private void writeKey(int i, KeyPair k) throws IOException {
        Path node = node(i);
        Files.createDirectories(node);
        Path key = node.resolve(KEY);
        Files.writeString(key, HexFormat.of().formatHex(k.seed()) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }

    /** The network of the localnet's genesis (devnet for a new chain, testnet for the testnet's). */
    public Network network() throws IOException {
        return Genesis.load(dir.resolve(GENESIS)).network();
    }

    private static byte[] genesis(List<KeyPair> keys, SecureRandom random) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = Genesis.class.getResourceAsStream("genesis/devnet.json")) {
            if (in == null) {
                throw new IllegalStateException("the devnet genesis is missing from the build");
            }
            root = (ObjectNode) json.readTree(in);
        }
        byte[] id = new byte[4];
        random.nextBytes(id);
        root.put(
                "_comment",
                "A localnet made by 'cas localnet start': devnet addresses and allocations (the public devnet test"
                        + " accounts), its own validators. Worth nothing anywhere.");
        root.put("chainId", "cas-localnet-" + HexFormat.of().formatHex(id));
        root.put("genesisTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode validators = root.putArray("validators");
        for (KeyPair k : keys) {
            validators.addObject().put("publicKey", k.publicKey().hex()).put("power", 1);
        }
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Genesis.parse(bytes); // what is written must be a valid genesis
        return bytes;
    }

    /** A free TCP port on loopback now (another program may take it before the node binds it). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the node of each folder that has none running: {@code cas node --headless} of this
     * program, listening on {@code ports[i]}, with every other node as a persistent peer.
     */
    public void startNodes(List<Integer> ports, OptionalLong blockIntervalMillis) throws IOException {
        startNodes(ports, blockIntervalMillis, DEFAULT_JVM_OPTIONS);
    }

    /** {@link #startNodes(List, OptionalLong)} with {@code jvmOptions} for each node's JVM (heap, collector). */
    public void startNodes(List<Integer> ports, OptionalLong blockIntervalMillis, List<String> jvmOptions)
            throws IOException {
        List<Path> nodes = nodes();
        if (nodes.isEmpty()) {
            throw new CliException(Reason.NOT_FOUND, "The folder " + dir + " holds no localnet.");
        }
        Network network = network();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < nodes.size(); i++) {
            Path node = nodes.get(i);
            if (process(node).isPresent()) {
                continue;
            }
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    "global.cas.app.Main",
                    "node",
                    "--headless",
                    "--network",
                    network.id(),
                    "--datadir",
                    node.toString(),
                    "--genesis",
                    dir.resolve(GENESIS).toString(),
                    "--validator-key-file",
                    node.resolve(KEY).toString(),
                    "--rpc-port",
                    "0",
                    "--p2p-port",
                    String.valueOf(ports.get(i))));
            if (blockIntervalMillis.isPresent()) {
                cmd.add("--block-interval-ms");
                cmd.add(String.valueOf(blockIntervalMillis.getAsLong()));
            }
            for (int j = 0; j < nodes.size(); j++) {
                if (j != i) {
                    cmd.add("--peer");
                    cmd.add("127.0.0.1:" + ports.get(j));
                }
            }
            Files.deleteIfExists(node.resolve("rpc.port"));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(node.resolve(LOG).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Files.writeString(node.resolve(PID), p.pid() + "\n");
            Files.writeString(node.resolve(P2P_PORT), ports.get(i) + "\n");
        }
    }

    /**
     * Waits until the node of {@code node} answers {@code chain_info} on its RPC, at most {@code
     * millis}, and returns its RPC port.
     *
     * @throws CliException {@code NODE_FAILED} when its process ended, {@code TIMEOUT} when it did
     *     not answer in time
     */
    public static int awaitRpc(Path node, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (process(node).isEmpty()) {
                throw new CliException(
                        "NODE_FAILED", "The node of " + node + " ended at start; see " + node.resolve(LOG));
            }
            if (Files.exists(node.resolve("rpc.port"))) {
                try (global.cas.rpc.RpcClient c = global.cas.rpc.RpcClient.forDataDir(node)) {
                    c.call("chain_info");
                    return Integer.parseInt(
                            Files.readString(node.resolve("rpc.port")).strip());
                } catch (RuntimeException | IOException e) {
                    // not answering yet
                }
            }
            Thread.sleep(100);
        }
        throw new CliException(
                "TIMEOUT",
                "The node of " + node + " did not answer within " + millis / 1000 + " s; see " + node.resolve(LOG));
    }

    /** The p2p port a node was started with last (kept so a restart keeps its peers' view). */
    public static OptionalInt p2pPort(Path node) {
        try {
            return OptionalInt.of(
                    Integer.parseInt(Files.readString(node.resolve(P2P_PORT)).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
