package global.cas.app.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cas status}: the node's chain ({@code chain_info}) and mempool ({@code mempool_info}). On
 * a devnet it says in words that the chain exists only on this computer ({@link #LOCAL_ONLY}), so
 * two data folders' devnets are not taken for one.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the running node's chain tip and mempool.")
public final class StatusCommand implements Callable<Integer> {
    /** The line shown for a chain of this computer only (a devnet). */
    public static final String LOCAL_ONLY =
            "Devnet: a chain of this computer only; other computers cannot see it or pay into it.";

    private final Terminal terminal;

    @Mixin
    private CommonOptions common;

    @Mixin
    private RpcOption rpc;

    @Option(names = "--json", description = "Print the RPC results as JSON.")
    private boolean json;

    @Inject
    StatusCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
            JsonNode info = node.chainInfo();
            JsonNode mempool = node.rpc().call("mempool_info");
            JsonNode net = node.rpc().call("net_info");
            PrintWriter out = terminal.out();
            if (json) {
                ObjectNode both = info.deepCopy();
                ObjectNode all = both.objectNode();
                all.set("chain", both);
                all.set("mempool", mempool);
                all.set("network", net);
                JsonOutput.print(out, all);
                return 0;
            }
            out.printf(
                    "network    %s (%s)%n",
                    info.path("network").asText(), info.path("chainId").asText());
            if (info.path("localOnly").asBoolean()) {
                out.println(LOCAL_ONLY);
            }
            out.printf("genesis    %s%n", info.path("genesisHash").asText());
            out.printf("data       %s%n", common.dataDir());
            rpc.address().ifPresent(a -> out.printf("node       %s (--rpc)%n", a));
            out.printf("height     %d%n", info.path("height").asLong());
            out.printf(
                    "tip        %s at %s%n",
                    info.path("tipHash").asText(),
                    JsonOutput.time(info.path("tipTime").asLong()));
            out.printf("state root %s%n", info.path("stateRoot").asText());
            out.printf("target     %s%n", info.path("target").asText());
            out.printf("frozen     %s CAS%n", info.path("frozenRemainingCas").asText());
            out.printf(
                    "validator  %s%n", info.path("validator").asBoolean() ? "yes (this node produces blocks)" : "no");
            out.printf(
                    "mempool    %d transactions, %d bytes (capacity %d transactions)%n",
                    mempool.path("size").asLong(),
                    mempool.path("bytes").asLong(),
                    mempool.path("capacity").asLong());
            if (net.path("listening").asBoolean()) {
                out.printf(
                        "peers      %d connected, listening on %s (node %s)%n",
                        net.path("peers").size(),
                        net.path("listenAddress").asText("-"),
                        net.path("nodeId").asText());
            } else {
                out.println("peers      none: this node joins no network (--p2p-port, --peer)");
            }
            JsonNode c = net.path("consensus");
            if (c.isObject()) {
                String role = c.path("validatorIndex").asInt() < 0
                        ? "following"
                        : "validator " + (c.path("validatorIndex").asInt() + 1)
                                + (c.path("signing").asBoolean() ? ", signing" : ", not signing this height");
                out.printf(
                        "consensus  %s; height %d round %d %s%s%s%n",
                        role,
                        c.path("height").asLong(),
                        c.path("round").asInt(),
                        c.path("step").asText(),
                        c.path("validatorIndex").asInt() < 0
                                ? ""
                                : "; missed " + c.path("missedBlocks").asLong() + " of "
                                        + c.path("decided").asLong() + " blocks since start",
                        c.has("halted") ? "; STOPPED: " + c.path("halted").asText() : "");
            }
            out.flush();
        }
        return 0;
    }
}
