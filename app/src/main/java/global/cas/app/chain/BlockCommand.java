package global.cas.app.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.Terminal;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cas block <height|hash>}: one block's header and transaction ids ({@code chain_block}). */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Shows a block by height or by hash.")
public final class BlockCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    private CommonOptions common;

    @Parameters(
            index = "0",
            paramLabel = "<height|hash>",
            description = "Block height (e.g. 12) or block hash (64 hex digits).")
    private String block;

    @Option(names = "--json", description = "Print the RPC result as JSON.")
    private boolean json;

    @Inject
    BlockCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (NodeConnection.Connected node = NodeConnection.open(common)) {
            JsonNode b = node.rpc().call("chain_block", Map.of("block", block.strip()));
            PrintWriter out = terminal.out();
            if (json) {
                JsonOutput.print(out, b);
                return 0;
            }
            out.printf(
                    "block        %d  %s%n",
                    b.path("height").asLong(), b.path("hash").asText());
            out.printf("time         %s%n", JsonOutput.time(b.path("time").asLong()));
            out.printf("previous     %s%n", b.path("previousHash").asText());
            out.printf("proposer     %s%n", b.path("proposer").asText());
            out.printf("state root   %s%n", b.path("stateRoot").asText());
            out.printf("transactions %d%n", b.path("transactionCount").asLong());
            for (JsonNode id : b.path("transactions")) {
                out.printf("  %s%n", id.asText());
            }
            out.flush();
        }
        return 0;
    }
}
