package global.cas.app.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.Terminal;
import global.cas.app.network.TestnetValidators;
import global.cas.crypto.Network;
import global.cas.rpc.RpcClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cas localnet start | stop | status --dir D}. */
@Command(
        name = "localnet",
        mixinStandardHelpOptions = true,
        description = "Runs several validators of one chain on this computer (a new devnet chain, or with --network"
                + " testnet the testnet's four), each its own process.",
        subcommands = {LocalnetCommand.Start.class, LocalnetCommand.Stop.class, LocalnetCommand.Status.class})
public final class LocalnetCommand {
    /** How long start waits for each node's RPC, and stop for each node to end. */
    static final long WAIT_MILLIS = 60_000;

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = "Creates the localnet in --dir on first use, starts its validator nodes and returns.")
    public static final class Start implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        private LocalnetDir dir;

        @Option(
                names = "--validators",
                paramLabel = "<n>",
                defaultValue = "4",
                description = "Validators of a new localnet (default 4; 1 to 16).")
        private int validators;

        @Option(
                names = "--network",
                paramLabel = "<network>",
                defaultValue = "devnet",
                converter = CommonOptions.NetworkConverter.class,
                description = "devnet (default): a new chain of devnet addresses with new validator keys; testnet: the"
                        + " bundled testnet's genesis and its four public validators (test phrase, account 1001),"
                        + " listening on the testnet seeds' ports 127.0.0.1:28656-28659.")
        private Network network;

        @Option(
                names = "--block-interval-ms",
                paramLabel = "<ms>",
                description = "Milliseconds between blocks (default: 1000).")
        private Long interval;

        @Inject
        Start(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() throws Exception {
            Localnet net = dir.localnet();
            PrintWriter out = terminal.out();
            if (!Files.exists(net.dir().resolve(Localnet.GENESIS))) {
                switch (network) {
                    case DEVNET -> {
                        net.create(validators);
                        out.printf("new localnet of %d validators in %s%n", validators, net.dir());
                    }
                    case TESTNET -> {
                        if (validators != TestnetValidators.COUNT) {
                            throw CliException.usage("The testnet genesis names " + TestnetValidators.COUNT
                                    + " validators; leave --validators out or give " + TestnetValidators.COUNT + ".");
                        }
                        net.createTestnet();
                        out.printf(
                                "the testnet's %d public validators in %s (nodes of --network testnet without --peer"
                                        + " find them through the genesis seeds)%n",
                                TestnetValidators.COUNT, net.dir());
                    }
                    case MAINNET ->
                        throw CliException.usage(
                                "A localnet runs devnet (a new chain) or testnet (its public validators), not mainnet.");
                }
            } else if (net.network() != network && network != Network.DEVNET) {
                throw CliException.usage("The localnet in " + net.dir() + " runs "
                        + net.network().id() + ", not " + network.id() + ".");
            }
            List<Path> nodes = net.nodes();
            List<Integer> ports = new ArrayList<>();
            for (Path n : nodes) {
                ports.add(Localnet.p2pPort(n).orElseGet(Localnet::freePort));
            }
            net.startNodes(ports, interval == null ? OptionalLong.empty() : OptionalLong.of(interval));
            for (int i = 0; i < nodes.size(); i++) {
                int port = Localnet.awaitRpc(nodes.get(i), WAIT_MILLIS);
                out.printf(
                        "node-%d  rpc 127.0.0.1:%d  p2p 127.0.0.1:%d  data %s%n", i, port, ports.get(i), nodes.get(i));
            }
            out.printf("stop them with: cas localnet stop --dir %s%n", net.dir());
            out.flush();
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the localnet's nodes.")
    public static final class Stop implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        private LocalnetDir dir;

        @Inject
        Stop(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() throws Exception {
            Localnet net = dir.localnet();
            PrintWriter out = terminal.out();
            List<Path> nodes = net.nodes();
            List<ProcessHandle> running = new ArrayList<>();
            for (Path n : nodes) {
                Localnet.process(n).ifPresent(p -> {
                    p.destroy(); // SIGTERM: the node stops as on Ctrl-C, keeping every block
                    running.add(p);
                });
            }
            for (ProcessHandle p : running) {
                try {
                    p.onExit().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    p.destroyForcibly();
                    out.printf(
                            "node process %d did not stop within %d s and was killed%n", p.pid(), WAIT_MILLIS / 1000);
                }
            }
            for (Path n : nodes) {
                Files.deleteIfExists(n.resolve(Localnet.PID));
            }
            out.printf("%d nodes stopped%n", running.size());
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Shows each node's height, tip hash, peers and consensus state.")
    public static final class Status implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        private LocalnetDir dir;

        @Inject
        Status(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            Localnet net = dir.localnet();
            PrintWriter out = terminal.out();
            List<Path> nodes = net.nodes();
            if (nodes.isEmpty()) {
                throw new CliException(
                        global.cas.rejection.Reason.NOT_FOUND, "The folder " + net.dir() + " holds no localnet.");
            }
            for (int i = 0; i < nodes.size(); i++) {
                out.println("node-" + i + "  " + line(nodes.get(i)));
            }
            out.flush();
            return 0;
        }

        private static String line(Path node) {
            if (Localnet.process(node).isEmpty()) {
                return "not running";
            }
            try (RpcClient c = RpcClient.forDataDir(node)) {
                JsonNode info = c.call("chain_info");
                JsonNode net = c.call("net_info");
                JsonNode cs = net.path("consensus");
                String role = Optional.of(cs)
                        .filter(JsonNode::isObject)
                        .map(x -> x.has("halted")
                                ? "STOPPED: " + x.path("halted").asText()
                                : (x.path("signing").asBoolean() ? "signing" : "not signing") + ", round "
                                        + x.path("round").asInt())
                        .orElse("no consensus");
                return String.format(
                        "height %d  tip %s  peers %d  %s",
                        info.path("height").asLong(),
                        info.path("tipHash").asText(),
                        net.path("peers").size(),
                        role);
            } catch (RuntimeException e) {
                return "running, RPC not answering: " + e.getMessage();
            }
        }
    }
}
