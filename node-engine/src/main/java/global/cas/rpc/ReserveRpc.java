package global.cas.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.governance.GovernanceKeys;
import global.cas.governance.GovernanceState;
import global.cas.governance.ReserveRecords;
import global.cas.ledger.AssetId;
import global.cas.ledger.ReserveSpend;
import global.cas.node.ChainView;
import global.cas.node.Node;
import global.cas.records.RecordKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gov_reserve}: the committee reserve (G20, G22): its balance against the cap, every spend
 * asked for with its approvals and whether it was paid, and the payout state: the excess pending
 * since when, the per-coin index, what was distributed and credited. Thread-safe (holds only the
 * node).
 */
final class ReserveRpc {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Node node;
    private final Network network;

    ReserveRpc(Node node) {
        this.node = node;
        this.network = node.params().network();
    }

    List<RpcMethods.Method> methods() {
        return List.of(new RpcMethods.Method("gov_reserve", List.of(), p -> node.read(this::reserve)));
    }

    private JsonNode reserve(ChainView v) {
        GovernanceState g = v.governance();
        Address reserve = node.params().committeeReserve();
        ObjectNode o = JSON.objectNode();
        o.put("height", v.height());
        o.put("address", reserve.encode(network));
        o.put("balance", Long.toString(v.balance(reserve, AssetId.CAS)));
        o.put("cap", Long.toString(global.cas.chain.ChainParams.RESERVE_AT_GENESIS));
        java.util.Set<Address> seated = new java.util.HashSet<>();
        for (Map.Entry<RecordKey, byte[]> e :
                g.records().page(GovernanceKeys.seats(), Optional.empty(), Integer.MAX_VALUE)) {
            if (global.cas.governance.Records.Seat.decode(e.getValue()).seated()) {
                seated.add(GovernanceKeys.trailingAddress(e.getKey()));
            }
        }
        o.put("seated", seated.size());
        ArrayNode spends = o.putArray("spends");
        for (Map.Entry<RecordKey, byte[]> e :
                g.records().page(GovernanceKeys.reserveSpends(), Optional.empty(), Integer.MAX_VALUE)) {
            ReserveRecords.Spend s = ReserveRecords.Spend.decode(e.getValue());
            Hash id = Hash.of(java.util.Arrays.copyOfRange(e.getKey().bytes(), 1, 1 + Hash.LENGTH));
            ObjectNode so = spends.addObject();
            so.put("id", id.hex());
            so.put("proposer", s.proposer().encode(network));
            so.put("purpose", s.purpose() == ReserveSpend.OPERATIONS ? "operations" : "liquidity");
            so.put("recipient", s.recipient().encode(network));
            so.put("amount", Long.toString(s.amount()));
            so.put("memo", s.memo());
            s.issuance().ifPresent(i -> so.put("issuance", i.hex()));
            so.put("askedHeight", s.askedHeight());
            so.put("askedTime", s.askedTime());
            so.put("paid", s.paid());
            if (s.paid()) {
                so.put("paidHeight", s.paidHeight());
                so.put("paidTime", s.paidTime());
            }
            ArrayNode approvals = so.putArray("approvals");
            int counting = 0;
            for (Map.Entry<RecordKey, byte[]> a :
                    g.records().page(GovernanceKeys.spendApprovals(id), Optional.empty(), Integer.MAX_VALUE)) {
                Address member = GovernanceKeys.trailingAddress(a.getKey());
                boolean seatedNow = seated.contains(member);
                counting += seatedNow ? 1 : 0;
                approvals
                        .addObject()
                        .put("member", member.encode(network))
                        .put("height", global.cas.governance.Records.decodeBalance(a.getValue()))
                        .put("seated", seatedNow);
            }
            so.put("approving", counting);
        }
        ReserveRecords.Payout p = g.payout();
        ObjectNode po = o.putObject("payout");
        po.put("index", p.index().toString());
        po.put("indexScale", ReserveRecords.Payout.SCALE.toString());
        po.put("eligibleSupply", Long.toString(p.eligible()));
        po.put("excessSince", p.excessSince());
        var gp = v.state().params().at(v.height() + 1).governance();
        if (p.excessSince() > 0) {
            po.put("dueAt", p.excessSince() + gp.daysMillis(gp.payoutDays()));
        }
        po.put("distributed", Long.toString(p.distributed()));
        po.put("distributions", p.distributions());
        po.put("credited", Long.toString(p.credited()));
        return o;
    }
}
