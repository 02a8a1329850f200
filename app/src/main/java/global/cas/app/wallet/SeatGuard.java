package global.cas.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.app.cli.CliException;
import global.cas.app.cli.NodeConnection;
import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before {@code cas send} sends: refuses a transfer that takes one of the wallet's addresses that
 * holds a committee seat or a standing candidacy below the minimum it needs (G4, G8), since the
 * wallet's coin selection may spend any of its addresses. The desktop's review says the same
 * (StakeRisk); here the sender passes {@code --accept-seat-loss} to go on. {@code cas send} first tries
 * to pay from the wallet's other addresses ({@link #governed}).
 */
final class SeatGuard {
    private SeatGuard() {}

    /** The addresses holding a committee seat or a standing candidacy in the election under way, as the node says. */
    static Set<Address> governed(NodeConnection.Connected node, Network net) {
        JsonNode info = node.rpc().call("gov_info");
        Set<Address> out = new HashSet<>();
        for (String a : seated(info)) {
            out.add(Address.parse(a, net));
        }
        for (String a : standing(info)) {
            out.add(Address.parse(a, net));
        }
        return out;
    }

    private static Set<String> seated(JsonNode info) {
        Set<String> seated = new HashSet<>();
        for (JsonNode s : info.path("committee")) {
            if (s.path("standing").asText().equals("active")) {
                seated.add(s.path("address").asText());
            }
        }
        return seated;
    }

    private static Set<String> standing(JsonNode info) {
        Set<String> standing = new HashSet<>();
        for (JsonNode c : info.path("election").path("candidates")) {
            if (c.path("standing").asText().equals("active")) {
                standing.add(c.path("address").asText());
            }
        }
        return standing;
    }

    static void check(NodeConnection.Connected node, Transaction transfer, List<UnspentOutput> spendable, Network net) {
        Map<OutputRef, UnspentOutput> byRef = new HashMap<>();
        Map<Address, Long> balance = new HashMap<>();
        for (UnspentOutput u : spendable) {
            byRef.put(u.ref(), u);
            if (u.output().asset().equals(AssetId.CAS)) {
                balance.merge(u.output().owner(), u.output().amount(), Long::sum);
            }
        }
        Map<Address, Long> change = new HashMap<>();
        for (OutputRef in : transfer.inputs()) {
            UnspentOutput u = byRef.get(in);
            if (u != null && u.output().asset().equals(AssetId.CAS)) {
                change.merge(u.output().owner(), -u.output().amount(), Long::sum);
            }
        }
        for (TxOutput o : transfer.outputs()) {
            if (o.asset().equals(AssetId.CAS) && balance.containsKey(o.owner())) {
                change.merge(o.owner(), o.amount(), Long::sum);
            }
        }
        if (change.values().stream().allMatch(v -> v >= 0)) {
            return;
        }
        JsonNode info = node.rpc().call("gov_info");
        long minimum =
                Long.parseLong(info.path("params").path("candidacyMinimum").asText("0"));
        Set<String> seated = seated(info);
        Set<String> standing = standing(info);
        for (Map.Entry<Address, Long> e : change.entrySet()) {
            String a = e.getKey().encode(net);
            long after = balance.getOrDefault(e.getKey(), 0L) + e.getValue();
            if (e.getValue() >= 0 || after >= minimum || !(seated.contains(a) || standing.contains(a))) {
                continue;
            }
            throw new CliException(
                    Reason.SEAT_AT_RISK,
                    "This transfer spends coins of " + a + ", leaving it " + Amounts.format(after) + " CAS, below the "
                            + Amounts.format(minimum) + " CAS its "
                            + (seated.contains(a) ? "committee seat" : "candidacy")
                            + " needs: it would lose it in that block (G4, G8). Nothing was sent; pass"
                            + " --accept-seat-loss to send anyway.");
        }
    }
}
