package global.cas.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import global.cas.app.chain.JsonOutput;
import global.cas.app.cli.CliException;
import global.cas.app.cli.NodeConnection;
import global.cas.app.cli.Terminal;
import global.cas.ledger.Amounts;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.ReserveSpend;
import global.cas.ledger.ReserveSpendApproval;
import global.cas.wallet.keys.Keystore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The committee reserve in {@code cas gov}: its state, a member's spend request and approval (G20, G22). */
public final class GovReserveCommands {
    private GovReserveCommands() {}

    @Command(
            name = "reserve",
            mixinStandardHelpOptions = true,
            description = "The committee reserve: balance and cap, spends with their approvals, payouts (G20, G22).")
    public static final class Show extends GovQueries.Query {
        @Inject
        Show(Terminal terminal) {
            super(terminal);
        }

        @Override
        JsonNode fetch(NodeConnection.Connected node) throws IOException {
            return node.rpc().call("gov_reserve");
        }

        @Override
        void print(PrintWriter out, JsonNode r) {
            out.printf(
                    "reserve %s at height %d%n",
                    r.path("address").asText(), r.path("height").asLong());
            out.printf("  balance     %s (cap %s)%n", GovQueries.cas(r.path("balance")), GovQueries.cas(r.path("cap")));
            JsonNode p = r.path("payout");
            if (p.path("excessSince").asLong() > 0) {
                out.printf(
                        "  excess      since %s, paid out by %s%n",
                        JsonOutput.time(p.path("excessSince").asLong()),
                        JsonOutput.time(p.path("dueAt").asLong()));
            }
            out.printf(
                    "  payouts     %d, %s distributed, %s credited so far%n",
                    p.path("distributions").asLong(),
                    GovQueries.cas(p.path("distributed")),
                    GovQueries.cas(p.path("credited")));
            int seated = r.path("seated").asInt();
            if (r.path("spends").isEmpty()) {
                out.println("  no spends asked for");
            }
            for (JsonNode s : r.path("spends")) {
                out.printf(
                        "  spend %s  %s to %s  %s%n",
                        s.path("id").asText(),
                        GovQueries.cas(s.path("amount")),
                        s.path("recipient").asText(),
                        s.path("paid").asBoolean()
                                ? "paid at height " + s.path("paidHeight").asLong()
                                : "approved by " + s.path("approving").asInt() + " of " + seated
                                        + " seated (more than half pays it)");
                out.printf(
                        "        %s: %s%n",
                        s.path("purpose").asText(), s.path("memo").asText());
            }
        }
    }

    @Command(
            name = "reserve-spend",
            mixinStandardHelpOptions = true,
            description = "A committee member asks the reserve to pay an operating cost (G20); asking approves it.")
    public static final class Spend extends GovActionCommands.Action {
        @Option(names = "--to", required = true, paramLabel = "<address>", description = "Who is paid.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "<CAS>", description = "How much, in CAS.")
        String amount;

        @Option(
                names = "--memo",
                required = true,
                description = "What the operating cost is (shown to every holder with the spend).")
        String memo;

        @Inject
        Spend(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            long units;
            try {
                units = Amounts.parse(amount);
            } catch (RuntimeException e) {
                throw CliException.usage("--amount is an amount of CAS such as 2500 or 0.5: " + e.getMessage());
            }
            return new ReserveSpend(
                    ReserveSpend.OPERATIONS,
                    GovArguments.address(to, sender.common.network()),
                    units,
                    memo,
                    Optional.empty());
        }
    }

    @Command(
            name = "approve-spend",
            mixinStandardHelpOptions = true,
            description =
                    "A committee member approves a reserve spend; more than half of all seated members pays it (G20).")
    public static final class ApproveSpend extends GovActionCommands.Action {
        @Option(
                names = "--spend",
                required = true,
                paramLabel = "<id>",
                description = "The spend's id (cas gov reserve).")
        String spend;

        @Inject
        ApproveSpend(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            if (!spend.matches("[0-9a-fA-F]{64}")) {
                throw CliException.usage("A reserve spend is named by its id: 64 hex digits (see 'cas gov reserve').");
            }
            return new ReserveSpendApproval(global.cas.crypto.Hash.fromHex(spend));
        }
    }
}
