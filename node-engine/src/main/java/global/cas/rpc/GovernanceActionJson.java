package global.cas.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Network;
import global.cas.governance.GovernanceAudit;
import global.cas.governance.Records;

/** A governance action's fields as JSON, the way a transaction shows them. Thread-safe (stateless). */
final class GovernanceActionJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GovernanceActionJson() {}

    /** A governance action's fields, as a transaction shows them. */
    static ObjectNode of(global.cas.ledger.GovernanceAction a, Network network) {
        ObjectNode o = JSON.objectNode();
        switch (a) {
            case global.cas.ledger.CandidacyDeclaration c -> {
                o.put("election", c.election());
                ObjectNode pr = o.putObject("profile");
                pr.put("name", c.profile().name());
                pr.put("personalInformation", c.profile().personalInformation());
                pr.put("career", c.profile().career());
                pr.put("education", c.profile().education());
                pr.put("platform", c.profile().platform());
            }
            case global.cas.ledger.CandidacyWithdrawal w -> o.put("election", w.election());
            case global.cas.ledger.ElectionBallot b -> {
                o.put("election", b.election());
                ArrayNode s = o.putArray("shares");
                b.shares()
                        .forEach(x -> s.addObject()
                                .put("candidate", x.candidate().encode(network))
                                .put("basisPoints", x.basisPoints()));
            }
            case global.cas.ledger.ProposalPosting p -> {
                o.put("title", p.title());
                o.put("text", p.text());
                o.put("kind", p.kind());
                ArrayNode ch = o.putArray("changes");
                p.changes().forEach(c -> ch.addObject().put("name", c.name()).put("value", Long.toString(c.value())));
                o.put("referendumDays", p.referendumDays());
            }
            case global.cas.ledger.ProposalSupport s -> {
                o.put("proposal", s.proposal().hex());
                o.put("withdraw", s.withdraw());
            }
            case global.cas.ledger.CommitteeReferendumVote v -> {
                o.put("proposal", v.proposal().hex());
                o.put(
                        "choice",
                        v.choice() == global.cas.ledger.CommitteeReferendumVote.WITHDRAW
                                ? "withdraw"
                                : GovernanceAudit.REFERENDUM_OPTIONS.get(v.choice()));
            }
            case global.cas.ledger.CommitteeElectionSplit c -> {
                o.put("election", c.election());
                ArrayNode s = o.putArray("shares");
                c.shares()
                        .forEach(x -> s.addObject()
                                .put("candidate", x.candidate().encode(network))
                                .put("basisPoints", x.basisPoints()));
            }
            case global.cas.ledger.CommitteeStatement c -> {
                o.put("kind", Records.STATEMENT_KINDS.get(c.kind()));
                if (c.aboutProposal()) {
                    o.put("proposal", c.subject().hex());
                } else {
                    o.put(
                            "participant",
                            GovernanceRpc.subjectAddress(c.subject()).encode(network));
                }
                o.put("text", c.text());
            }
            case global.cas.ledger.StatementApproval ap ->
                o.put("statement", ap.statement().hex());
            case global.cas.ledger.ReserveSpend r -> {
                o.put(
                        "purpose",
                        r.purpose() == global.cas.ledger.ReserveSpend.OPERATIONS
                                ? "operations"
                                : r.purpose() == global.cas.ledger.ReserveSpend.LIQUIDITY
                                        ? "liquidity"
                                        : Integer.toString(r.purpose()));
                o.put("recipient", r.recipient().encode(network));
                o.put("amount", Long.toString(r.amount()));
                o.put("memo", r.memo());
                r.issuance().ifPresent(i -> o.put("issuance", i.hex()));
            }
            case global.cas.ledger.ReserveSpendApproval ap ->
                o.put("spend", ap.spend().hex());
            case global.cas.ledger.ReferendumBallot r -> {
                o.put("proposal", r.proposal().hex());
                o.put(
                        "choice",
                        r.choice() == global.cas.ledger.ReferendumBallot.WITHDRAW
                                ? "withdraw"
                                : GovernanceAudit.REFERENDUM_OPTIONS.get(r.choice()));
            }
        }
        return o;
    }
}
