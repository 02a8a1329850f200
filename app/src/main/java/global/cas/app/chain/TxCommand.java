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

/** {@code cas tx <id>}: a committed or pending transaction ({@code chain_transaction}). */
@Command(name = "tx", mixinStandardHelpOptions = true, description = "Shows a transaction by id, committed or pending.")
public final class TxCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    private CommonOptions common;

    @Mixin
    private RpcOption rpc;

    @Parameters(index = "0", paramLabel = "<id>", description = "Transaction id (64 hex digits).")
    private String id;

    @Option(names = "--json", description = "Print the RPC result as JSON (with the raw transaction).")
    private boolean json;

    @Inject
    TxCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
            JsonNode r = node.rpc().call("chain_transaction", Map.of("id", id.strip()));
            PrintWriter out = terminal.out();
            if (json) {
                JsonOutput.print(out, r);
                return 0;
            }
            JsonNode tx = r.path("transaction");
            out.printf("transaction %s%n", r.path("id").asText());
            if (r.path("status").asText().equals("committed")) {
                out.printf(
                        "status      committed at height %d (index %d in block %s)%n",
                        r.path("height").asLong(),
                        r.path("index").asLong(),
                        r.path("blockHash").asText());
            } else {
                out.printf("status      pending%n");
            }
            out.printf(
                    "kind        %s, %d bytes, valid until height %d%n",
                    tx.path("kind").asText(),
                    tx.path("size").asLong(),
                    tx.path("expiryHeight").asLong());
            if (tx.path("kind").asText().equals("transfer")) {
                for (JsonNode in : tx.path("inputs")) {
                    out.printf(
                            "input       %s:%d%n",
                            in.path("txId").asText(), in.path("index").asLong());
                }
                for (JsonNode o : tx.path("outputs")) {
                    out.printf(
                            "output %-4d %s  %s %s%n",
                            o.path("index").asLong(),
                            o.path("address").asText(),
                            o.has("amountCas")
                                    ? o.path("amountCas").asText()
                                    : o.path("amount").asText(),
                            o.path("asset").asText());
                }
                out.printf("fee         %s CAS%n", tx.path("feeCas").asText());
            } else {
                out.printf("miner       %s%n", tx.path("miner").asText());
                out.printf("nonce       %s%n", tx.path("nonce").asText());
                out.printf("work hash   %s%n", tx.path("workHash").asText());
            }
            out.flush();
        }
        return 0;
    }
}
