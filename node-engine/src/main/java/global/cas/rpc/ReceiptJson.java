package global.cas.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.chain.RecordReceipt;
import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.governance.Records;
import global.cas.records.RecordTree;
import java.util.HexFormat;

/**
 * A ballot receipt (G38) as the JSON that {@code gov_receipt} answers and the desktop saves to a
 * file: {@code cas gov verify-receipt FILE} checks either offline. Thread-safe (stateless).
 */
public final class ReceiptJson {
    private static final HexFormat HEX = HexFormat.of();

    private ReceiptJson() {}

    /** {@code r}, a receipt of {@code voter}'s ballot in the vote named {@code voteName} ({@code election:N}…). */
    public static ObjectNode of(RecordReceipt r, String voteName, Address voter, Network network) {
        var roots = r.roots();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("chainId", r.chainId());
        o.put("height", r.height());
        o.put("blockHash", r.blockHash().hex());
        o.put("stateRoot", roots.stateRoot().hex());
        o.put("vote", voteName);
        o.put("voter", voter.encode(network));
        o.put("key", HEX.formatHex(r.key().bytes()));
        o.put("ballot", HEX.formatHex(r.record()));
        o.set(
                "decoded",
                GovernanceRpc.ballotJson(
                        GovernanceRpc.vote(voteName), voter, Records.Ballot.decode(r.record()), network));
        o.put("proof", HEX.formatHex(r.proof().encode()));
        o.put("recordKeyHash", RecordTree.key(r.key()).hex());
        ObjectNode ro = o.putObject("roots");
        ro.put("ledgerChanges", roots.ledgerChanges().hex());
        ro.put("balances", roots.balances().hex());
        ro.put("params", roots.params().hex());
        ro.put("validators", roots.validators().hex());
        ro.put("evidence", roots.evidence().hex());
        ro.put("governance", roots.governance().hex());
        return o;
    }
}
