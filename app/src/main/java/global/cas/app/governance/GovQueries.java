package global.cas.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.chain.JsonOutput;
import global.cas.app.cli.CommonOptions;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.RpcOption;
import global.cas.app.cli.Terminal;
import global.cas.ledger.Amounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The governance queries of {@code cas gov}, each one JSON-RPC call printed for a person (or as JSON). */
public final class GovQueries {
    private GovQueries() {}

    /** The shared body: connect, call, print as JSON or in words. */
    abstract static class Query implements Callable<Integer> {
        final Terminal terminal;

        @Mixin
        CommonOptions common;

        @Mixin
        RpcOption rpc;

        @Option(names = "--json", description = "Print the RPC result as JSON.")
        boolean json;

        Query(Terminal terminal) {
            this.terminal = terminal;
        }

        abstract JsonNode fetch(NodeConnection.Connected node) throws IOException;

        abstract void print(PrintWriter out, JsonNode result);

        @Override
        public Integer call() throws IOException {
            try (NodeConnection.Connected node = NodeConnection.open(common, rpc)) {
                JsonNode r = fetch(node);
                if (json) {
                    JsonOutput.print(terminal.out(), r);
                } else {
                    print(terminal.out(), r);
                    terminal.out().flush();
                }
            }
            return 0;
        }
    }

    static String cas(JsonNode units) {
        return Amounts.format(Long.parseLong(units.asText("0"))) + " CAS";
    }

    static void printElection(PrintWriter out, JsonNode e) {
        out.printf("election %d%n", e.path("number").asLong());
        out.printf(
                "  nomination  from %s%n",
                JsonOutput.time(e.path("nominationStart").asLong()));
        out.printf(
                "  voting      from %s%n", JsonOutput.time(e.path("votingStart").asLong()));
        out.printf(
                "  closes      at   %s%s%n",
                JsonOutput.time(e.path("closesAt").asLong()),
                e.path("closed").asBoolean()
                        ? " (closed at height " + e.path("closedHeight").asLong() + ")"
                        : "");
        JsonNode t = e.path("tally");
        out.printf(
                "  ballots     %d, weight %s (%s)%n",
                t.path("voters").asInt(), cas(t.path("weight")), t.path("state").asText());
        for (JsonNode c : e.path("candidates")) {
            out.printf(
                    "  %3d. %-44s %-24s %20s  %s%s%n",
                    c.path("rank").asInt(),
                    c.path("address").asText(),
                    c.path("profile").path("name").asText(),
                    cas(c.path("votes")),
                    c.path("standing").asText(),
                    c.path("elected").asBoolean() ? ", elected" : "");
        }
    }

    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = "The election under way, the committee and the reserve.")
    public static final class Info extends Query {
        @Inject
        Info(Terminal terminal) {
            super(terminal);
        }

        @Override
        JsonNode fetch(NodeConnection.Connected node) {
            return node.rpc().call("gov_info");
        }

        @Override
        void print(PrintWriter out, JsonNode r) {
            out.printf(
                    "height %d, %s%n",
                    r.path("height").asLong(), JsonOutput.time(r.path("time").asLong()));
            printElection(out, r.path("election"));
            out.printf("committee%s%n", r.path("transitionalDissolved").asBoolean() ? "" : " (transitional, G9)");
            for (JsonNode s : r.path("committee")) {
                out.printf(
                        "  %-44s %-12s %-8s %s%n",
                        s.path("address").asText(),
                        s.path("kind").asText(),
                        s.path("standing").asText(),
                        cas(s.path("balance")));
            }
            out.printf("reserve    %s%n", cas(r.path("reserve")));
            out.printf("proposals  %d%n", r.path("proposals").asInt());
        }
    }

    @Command(
            name = "election",
            mixinStandardHelpOptions = true,
            description = "An election's windows and candidates, ranked (G6).")
    public static final class Election extends Query {
        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "<N>",
                description = "The election (default: the one under way).")
        Long number;

        @Inject
        Election(Terminal terminal) {
            super(terminal);
        }

        @Override
        JsonNode fetch(NodeConnection.Connected node) {
            if (number == null) {
                return node.rpc().call("gov_info").path("election");
            }
            return node.rpc().call("gov_election", Map.of("number", number));
        }

        @Override
        void print(PrintWriter out, JsonNode r) {
            printElection(out, r);
        }
    }

    @Command(
            name = "proposals",
            mixinStandardHelpOptions = true,
            description = "Every proposal with its stage and tallies.")
    public static final class Proposals extends Query {
        @Inject
        Proposals(Terminal terminal) {
            super(terminal);
        }

        @Override
        JsonNode fetch(NodeConnection.Connected node) {
            var all = node.rpc().callAll("gov_proposals", Map.of("limit", 100), "proposals");
            var arr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            all.forEach(arr::add);
            return arr;
        }

        @Override
        void print(PrintWriter out, JsonNode r) {
            for (JsonNode p : r) {
                out.printf(
                        "%s  %-10s %-16s %s%n",
                        p.path("id").asText(),
                        p.path("stage").asText(),
                        p.path("kind").asText(),
                        p.path("title").asText());
                if (p.has("support")) {
                    out.printf(
                            "    support    %s%s%n",
                            cas(p.path("support").path("support")),
                            p.has("responseDeadline")
                                    ? ", committee response due by "
                                            + JsonOutput.time(
                                                    p.path("responseDeadline").asLong())
                                    : "");
                }
                if (p.has("referendum")) {
                    JsonNode t = p.path("referendum");
                    out.printf(
                            "    referendum %s .. %s: yes %s, no %s, abstain %s%n",
                            JsonOutput.time(p.path("referendumOpensAt").asLong()),
                            JsonOutput.time(p.path("referendumClosesAt").asLong()),
                            cas(t.path("yes")),
                            cas(t.path("no")),
                            cas(t.path("abstain")));
                }
            }
            if (r.isEmpty()) {
                out.println("No proposal has been posted.");
            }
        }
    }

    @Command(
            name = "recount",
            mixinStandardHelpOptions = true,
            description = "Recounts a vote from its ballots and prints it next to the chain's running totals (G38).")
    public static final class Recount extends Query {
        @Parameters(index = "0", paramLabel = "<vote>", description = "election:N, support:ID or referendum:ID.")
        String vote;

        @Inject
        Recount(Terminal terminal) {
            super(terminal);
        }

        @Override
        JsonNode fetch(NodeConnection.Connected node) {
            return node.rpc().call("gov_recount", Map.of("vote", GovArguments.vote(vote)));
        }

        @Override
        void print(PrintWriter out, JsonNode r) {
            out.printf(
                    "%s at height %d: %d ballots%n",
                    vote, r.path("height").asLong(), r.path("voters").asInt());
            out.printf("  %-46s %24s %24s%n", "", "running total", "recount");
            java.util.Set<String> keys = new java.util.TreeSet<>();
            r.path("running").fieldNames().forEachRemaining(keys::add);
            r.path("recounted").fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                out.printf(
                        "  %-46s %24s %24s%n",
                        k,
                        r.path("running").path(k).asText("0"),
                        r.path("recounted").path(k).asText("0"));
            }
            out.println(
                    r.path("agrees").asBoolean()
                            ? "The recount equals the running totals."
                            : "THE RECOUNT DIFFERS FROM THE RUNNING TOTALS.");
        }
    }

    @Command(
            name = "receipt",
            mixinStandardHelpOptions = true,
            description = "Saves a voter's receipt: its ballot with its weight, provable against a block header (G38).")
    public static final class Receipt extends Query {
        @Parameters(index = "0", paramLabel = "<vote>", description = "election:N, support:ID or referendum:ID.")
        String vote;

        @Option(names = "--voter", required = true, paramLabel = "<address>", description = "The voter.")
        String voter;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "<file>",
                description = "Where to write the receipt (JSON).")
        Path file;

        @Inject
        Receipt(Terminal terminal) {
            super(terminal);
        }

        @Override
        JsonNode fetch(NodeConnection.Connected node) throws IOException {
            JsonNode r = node.rpc().call("gov_receipt", Map.of("vote", GovArguments.vote(vote), "voter", voter));
            Files.writeString(file, r.toPrettyString() + System.lineSeparator());
            return r;
        }

        @Override
        void print(PrintWriter out, JsonNode r) {
            out.printf(
                    "receipt of %s in %s at height %d written to %s; weight %s%n",
                    r.path("voter").asText(),
                    r.path("vote").asText(),
                    r.path("height").asLong(),
                    file,
                    cas(r.path("decoded").path("weight")));
        }
    }
}
