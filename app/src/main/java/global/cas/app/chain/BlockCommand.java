package global.cas.app.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cas block <height|hash>}: one block's header and all its transaction ids ({@code
 * chain_block}, page after page); with {@code --json}, the first page as the node answers it, whose
 * {@code next} cursor pages on.
 */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Shows a block by height or by hash.")
public final class BlockCommand implements Callable<Integer> {
    /** Transaction ids asked for per chain_block call: the node's largest page. */
    static final int IDS_PAGE = 1000;

    private final Terminal terminal;

    @Mixin
    private CommonOptions common;

    @Mixin
    private RpcOption rpc;

    @Parameters(
            index = "0",
            paramLabel = "<height|hash>",
            description = "Block height (e.g. 12) or block hash (64 hex digits).")
    private String block;

    @Option(
            names = "--json",
            description = "Print the RPC result as JSON (the first 1000 transaction ids; 'next' pages on).")
    private boolean json;

    @Inject
    BlockCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
            JsonNode b = node.rpc().call("chain_block", Map.of("block", block.strip(), "limit", IDS_PAGE));
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
            // the node answers a page of ids per call: ask for the rest page by page
            JsonNode next = b.path("next");
            while (next.isTextual()) {
                JsonNode page = node.rpc()
                        .call(
                                "chain_block",
                                Map.of("block", block.strip(), "limit", IDS_PAGE, "cursor", next.asText()));
                for (JsonNode id : page.path("transactions")) {
                    out.printf("  %s%n", id.asText());
                }
                next = page.path("next");
            }
            out.flush();
        }
        return 0;
    }
}
