package global.cas.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.governance.ElectionCount;
import global.cas.governance.GovernanceAudit;
import global.cas.governance.GovernanceKeys;
import global.cas.governance.GovernanceState;
import global.cas.governance.Records;
import global.cas.governance.VoteId;
import global.cas.node.ChainView;
import global.cas.node.Node;
import global.cas.records.RecordKey;
import global.cas.records.RecordSet;
import global.cas.rejection.Reason;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The governance module's JSON-RPC methods ({@code gov_*}): the election under way and the
 * committee, an election's candidates, proposals, every ballot of a vote (paged), a recount next to
 * the running totals (G38) and a voter's receipt. Every answer is read from one height under the
 * node's state lock. Thread-safe (holds only the node).
 */
final class GovernanceRpc {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private final Node node;
    private final Network network;
    private final int defaultPage;
    private final int maxPage;

    GovernanceRpc(Node node, int defaultPage, int maxPage) {
        this.node = node;
        this.network = node.params().network();
        this.defaultPage = defaultPage;
        this.maxPage = maxPage;
    }

    List<RpcMethods.Method> methods() {
        return List.of(
                new RpcMethods.Method("gov_info", List.of(), p -> node.read(this::info)),
                new RpcMethods.Method("gov_election", List.of("number"), this::election),
                new RpcMethods.Method("gov_proposals", List.of("limit", "cursor"), this::proposals),
                new RpcMethods.Method("gov_proposal", List.of("id"), this::proposal),
                new RpcMethods.Method("gov_ballots", List.of("vote", "limit", "cursor", "height"), this::ballots),
                new RpcMethods.Method(
                        "gov_checkpoints", List.of("vote", "limit", "cursor", "height"), this::checkpoints),
                new RpcMethods.Method("gov_recount", List.of("vote"), this::recount),
                new RpcMethods.Method("gov_statements", List.of("limit", "cursor"), this::statements),
                new RpcMethods.Method("gov_receipt", List.of("vote", "voter"), this::receipt));
    }

    private JsonNode info(ChainView v) {
        GovernanceState g = v.governance();
        Records.Meta meta = g.meta();
        ObjectNode o = JSON.objectNode();
        o.put("height", v.height());
        o.put("time", v.tip().time());
        o.put("transitionalDissolved", meta.transitionalDissolved());
        var gp = v.state().params().at(v.height() + 1).governance();
        ObjectNode params = o.putObject("params");
        params.put("candidacyMinimum", Long.toString(gp.candidacyMinimum()));
        params.put("electionThreshold", Long.toString(gp.electionThreshold()));
        params.put("minSeats", gp.minSeats());
        params.put("responseSupport", Long.toString(gp.responseSupport()));
        params.put("responseWindowDays", gp.responseWindowDays());
        params.put("referendumSupport", Long.toString(gp.referendumSupport()));
        params.put("referendumQuorum", Long.toString(gp.referendumQuorum()));
        params.put("committeeRulesQuorum", Long.toString(gp.committeeRulesQuorum()));
        params.put("referendumMinDays", gp.referendumMinDays());
        params.put("referendumMaxDays", gp.referendumMaxDays());
        params.put("dayMillis", gp.dayMillis());
        params.put("epochMillis", gp.epochMillis());
        params.put("proposalFee", Long.toString(gp.proposalFee()));
        o.set("election", election(g, meta.currentElection()));
        ArrayNode seats = o.putArray("committee");
        for (Map.Entry<RecordKey, byte[]> e :
                g.records().page(GovernanceKeys.seats(), Optional.empty(), Integer.MAX_VALUE)) {
            Records.Seat s = Records.Seat.decode(e.getValue());
            Address a = GovernanceKeys.trailingAddress(e.getKey());
            ObjectNode so = seats.addObject();
            so.put("address", a.encode(network));
            so.put("kind", lower(s.kind()));
            so.put("election", s.election());
            so.put("seatedHeight", s.seatedHeight());
            so.put("standing", lower(s.standing()));
            so.put("standingHeight", s.standingHeight());
            so.put("balance", Long.toString(v.balance(a, global.cas.ledger.AssetId.CAS)));
        }
        o.put("proposals", g.records().count(GovernanceKeys.proposals()));
        o.put("reserve", Long.toString(v.balance(node.params().committeeReserve(), global.cas.ledger.AssetId.CAS)));
        return o;
    }

    private JsonNode election(Params p) {
        long n = Params.height(p.required("number"), "number");
        return node.read(v -> {
            if (v.governance().election(n).isEmpty()) {
                throw notFound("No election " + n + " is scheduled yet.");
            }
            return election(v.governance(), n);
        });
    }

    private ObjectNode election(GovernanceState g, long n) {
        Records.Election e = g.election(n).orElseThrow();
        ObjectNode o = JSON.objectNode();
        o.put("number", n);
        o.put("nominationStart", e.nominationStart());
        o.put("votingStart", e.votingStart());
        o.put("closesAt", e.closesAt());
        o.put("closed", e.closed());
        if (e.closed()) {
            o.put("closedHeight", e.closedHeight());
        }
        g.tally(VoteId.election(n)).ifPresent(t -> o.set("tally", tally(t)));
        List<ElectionCount.Candidate> ranked = new ArrayList<>();
        Map<Address, Records.Candidacy> all = new java.util.HashMap<>();
        for (Map.Entry<RecordKey, byte[]> c :
                g.records().page(GovernanceKeys.candidacies(n), Optional.empty(), Integer.MAX_VALUE)) {
            Address a = GovernanceKeys.trailingAddress(c.getKey());
            Records.Candidacy cd = Records.Candidacy.decode(c.getValue());
            all.put(a, cd);
            ranked.add(new ElectionCount.Candidate(a, cd.order(), cd.votes()));
        }
        ranked.sort(ElectionCount.RANKING);
        java.util.Set<Address> elected = new java.util.HashSet<>();
        e.elected().forEach(c -> elected.add(c.address()));
        ArrayNode cands = o.putArray("candidates");
        int rank = 0;
        for (ElectionCount.Candidate c : ranked) {
            Records.Candidacy cd = all.get(c.address());
            ObjectNode co = cands.addObject();
            co.put("rank", ++rank);
            co.put("address", c.address().encode(network));
            co.put("votes", Long.toString(cd.votes()));
            co.put("standing", lower(cd.standing()));
            co.put("declaredHeight", cd.order() >>> 20);
            co.put("elected", elected.contains(c.address()));
            ObjectNode pr = co.putObject("profile");
            pr.put("name", cd.profile().name());
            pr.put("personalInformation", cd.profile().personalInformation());
            pr.put("career", cd.profile().career());
            pr.put("education", cd.profile().education());
            pr.put("platform", cd.profile().platform());
        }
        return o;
    }

    private static ObjectNode tally(Records.Tally t) {
        ObjectNode o = JSON.objectNode();
        o.put("state", lower(t.state()));
        o.put("opensAt", t.opensAt());
        if (t.closesAt() != Long.MAX_VALUE) {
            o.put("closesAt", t.closesAt());
        }
        o.put("voters", t.voters());
        o.put("weight", Long.toString(t.weight()));
        if (t.vote().kind() == VoteId.SUPPORT) {
            o.put("support", Long.toString(t.total(0)));
        } else if (t.vote().kind() == VoteId.REFERENDUM) {
            o.put("yes", Long.toString(t.total(0)));
            o.put("no", Long.toString(t.total(1)));
            o.put("abstain", Long.toString(t.total(2)));
        }
        return o;
    }

    private JsonNode proposals(Params p) {
        int limit = p.pageLimit(defaultPage, maxPage);
        Optional<RecordKey> after = p.optionalText("cursor").map(c -> cursor(c, GovernanceKeys.proposals()));
        return node.read(v -> {
            RecordSet r = v.governance().records();
            var page = r.page(GovernanceKeys.proposals(), after, limit + 1);
            ObjectNode o = JSON.objectNode();
            ArrayNode arr = o.putArray("proposals");
            for (var e : page.subList(0, Math.min(limit, page.size()))) {
                Hash id = Hash.of(java.util.Arrays.copyOfRange(e.getKey().bytes(), 1, 1 + Hash.LENGTH));
                arr.add(proposal(v.governance(), id));
            }
            next(o, page, limit);
            return o;
        });
    }

    private JsonNode proposal(Params p) {
        Hash id = hash(p.text("id"), "id");
        return node.read(v -> {
            if (v.governance().proposal(id).isEmpty()) {
                throw notFound("No proposal " + id + " exists.");
            }
            return proposal(v.governance(), id);
        });
    }

    private ObjectNode proposal(GovernanceState g, Hash id) {
        Records.Proposal pr = g.proposal(id).orElseThrow();
        var params = node.params().genesisParams().governance();
        ObjectNode o = JSON.objectNode();
        o.put("id", id.hex());
        o.put("proposer", pr.proposer().encode(network));
        o.put("title", pr.title());
        o.put("text", pr.text());
        o.put("kind", pr.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        ArrayNode ch = o.putArray("changes");
        pr.changes().forEach(c -> ch.addObject().put("name", c.name()).put("value", Long.toString(c.value())));
        o.put("referendumDays", pr.referendumDays());
        o.put("postedHeight", pr.postedHeight());
        o.put("postedTime", pr.postedTime());
        o.put("supportOpensAt", pr.supportOpensAt());
        o.put("stage", lower(pr.stage()));
        pr.latch().responseDueSince().ifPresent(t -> o.put("responseDueSince", t));
        pr.latch().responseDeadline(params).ifPresent(t -> o.put("responseDeadline", t));
        pr.latch().referendumSince().ifPresent(t -> o.put("referendumSince", t));
        if (pr.stage() != Records.Stage.SUPPORT) {
            o.put("referendumOpensAt", pr.referendumOpensAt());
            o.put("referendumClosesAt", pr.referendumClosesAt());
        }
        if (pr.closedHeight() > 0) {
            o.put("closedHeight", pr.closedHeight());
        }
        if (pr.effectiveHeight() > 0) {
            o.put("effectiveHeight", pr.effectiveHeight());
        }
        g.response(id)
                .ifPresent(r -> o.putObject("response")
                        .put("statement", r.statement().hex())
                        .put("time", r.time()));
        long now = node.tip().time();
        java.util.OptionalLong responded =
                g.response(id).map(r -> java.util.OptionalLong.of(r.time())).orElse(java.util.OptionalLong.empty());
        o.put("responseOverdue", pr.latch().overdue(now, responded, params));
        g.bloc(id)
                .ifPresent(bl -> o.putObject("reserveBloc")
                        .put("direction", GovernanceAudit.REFERENDUM_OPTIONS.get(bl.direction()))
                        .put("weight", Long.toString(bl.weight())));
        g.tally(VoteId.support(id)).ifPresent(t -> o.set("support", tally(t)));
        g.tally(VoteId.referendum(id)).ifPresent(t -> o.set("referendum", tally(t)));
        return o;
    }

    private JsonNode statements(Params p) {
        int limit = p.pageLimit(defaultPage, maxPage);
        Optional<RecordKey> after = p.optionalText("cursor").map(c -> cursor(c, GovernanceKeys.statements()));
        return node.read(v -> {
            var page = v.governance().records().page(GovernanceKeys.statements(), after, limit + 1);
            ObjectNode o = JSON.objectNode();
            ArrayNode arr = o.putArray("statements");
            for (var e : page.subList(0, Math.min(limit, page.size()))) {
                Hash id = Hash.of(java.util.Arrays.copyOfRange(e.getKey().bytes(), 1, 1 + Hash.LENGTH));
                Records.Statement st = Records.Statement.decode(e.getValue());
                ObjectNode so = arr.addObject();
                so.put("id", id.hex());
                so.put("drafter", st.drafter().encode(network));
                so.put("kind", Records.STATEMENT_KINDS.get(st.kind()));
                if (st.aboutProposal()) {
                    so.put("proposal", st.subject().hex());
                } else {
                    so.put("participant", subjectAddress(st.subject()).encode(network));
                }
                so.put("text", st.text());
                so.put("draftedHeight", st.draftedHeight());
                so.put("published", st.published());
                if (st.published()) {
                    so.put("publishedHeight", st.publishedHeight());
                    so.put("publishedTime", st.publishedTime());
                }
                ArrayNode ap = so.putArray("approvedBy");
                v.governance()
                        .records()
                        .page(GovernanceKeys.approvals(id), Optional.empty(), 10_000)
                        .forEach(a -> ap.add(
                                GovernanceKeys.trailingAddress(a.getKey()).encode(network)));
            }
            next(o, page, limit);
            return o;
        });
    }

    /** The participant a statement names: the last 20 bytes of its subject. */
    static Address subjectAddress(Hash subject) {
        byte[] b = subject.bytes();
        return Address.of(java.util.Arrays.copyOfRange(b, Hash.LENGTH - Address.LENGTH, Hash.LENGTH));
    }

    private JsonNode ballots(Params p) {
        VoteId vote = vote(p.text("vote"));
        int limit = p.pageLimit(defaultPage, maxPage);
        RecordKey prefix = GovernanceKeys.ballots(vote);
        Optional<RecordKey> after = p.optionalText("cursor").map(c -> cursor(c, prefix));
        Optional<Long> at = p.get("height").map(h -> Params.height(h, "height"));
        return node.read(v -> {
            if (v.governance().tally(vote).isEmpty()) {
                throw notFound("No such vote: " + p.text("vote") + ".");
            }
            if (at.isPresent() && at.get() > v.height()) {
                throw notFound("Block " + at.get() + " is not in the chain yet; the tip is " + v.height() + ".");
            }
            var page = at.isEmpty() || at.get() == v.height()
                    ? v.governance().records().page(prefix, after, limit + 1)
                    : node.governanceRecordsAt(prefix, at.get(), after, limit + 1);
            ObjectNode o = JSON.objectNode();
            o.put("height", at.orElse(v.height()));
            ArrayNode arr = o.putArray("ballots");
            for (var e : page.subList(0, Math.min(limit, page.size()))) {
                arr.add(ballot(vote, GovernanceKeys.trailingAddress(e.getKey()), Records.Ballot.decode(e.getValue())));
            }
            next(o, page, limit);
            return o;
        });
    }

    /**
     * The balance checkpoints of the epoch {@code vote} opened at (G2): each address's balance when
     * the vote opened, written the first time its balance changed after; an address without one
     * held then what it holds at the height asked. At any height, from the history (G38).
     */
    private JsonNode checkpoints(Params p) {
        VoteId vote = vote(p.text("vote"));
        int limit = p.pageLimit(defaultPage, maxPage);
        Optional<Long> at = p.get("height").map(h -> Params.height(h, "height"));
        return node.read(v -> {
            Records.Tally t =
                    v.governance().tally(vote).orElseThrow(() -> notFound("No such vote: " + p.text("vote") + "."));
            RecordKey prefix = GovernanceKeys.checkpoints(t.opensAt());
            Optional<RecordKey> after = p.optionalText("cursor").map(c -> cursor(c, prefix));
            long h = at.orElse(v.height());
            if (h > v.height()) {
                throw notFound("Block " + h + " is not in the chain yet; the tip is " + v.height() + ".");
            }
            var page = h == v.height()
                    ? v.governance().records().page(prefix, after, limit + 1)
                    : node.governanceRecordsAt(prefix, h, after, limit + 1);
            ObjectNode o = JSON.objectNode();
            o.put("height", h);
            o.put("epochStart", t.opensAt());
            ArrayNode arr = o.putArray("checkpoints");
            for (var e : page.subList(0, Math.min(limit, page.size()))) {
                arr.addObject()
                        .put(
                                "address",
                                GovernanceKeys.trailingAddress(e.getKey()).encode(network))
                        .put("balance", Long.toString(Records.decodeBalance(e.getValue())));
            }
            next(o, page, limit);
            return o;
        });
    }

    private ObjectNode ballot(VoteId vote, Address voter, Records.Ballot b) {
        return ballotJson(vote, voter, b, network);
    }

    /** A ballot's fields as JSON: voter, balance at open, weight, cast height, shares or choice. */
    static ObjectNode ballotJson(VoteId vote, Address voter, Records.Ballot b, Network network) {
        ObjectNode o = JSON.objectNode();
        o.put("voter", voter.encode(network));
        o.put("balanceAtOpen", Long.toString(b.balanceAtOpen()));
        o.put("weight", Long.toString(b.weight()));
        o.put("castHeight", b.castHeight());
        switch (vote.kind()) {
            case VoteId.ELECTION -> {
                ArrayNode s = o.putArray("shares");
                b.shares()
                        .forEach(x -> s.addObject()
                                .put("candidate", x.candidate().encode(network))
                                .put("basisPoints", x.basisPoints()));
            }
            case VoteId.REFERENDUM -> o.put("choice", GovernanceAudit.REFERENDUM_OPTIONS.get(b.choice()));
            default -> {}
        }
        return o;
    }

    private JsonNode recount(Params p) {
        VoteId vote = vote(p.text("vote"));
        return node.read(v -> {
            if (v.governance().tally(vote).isEmpty()) {
                throw notFound("No such vote: " + p.text("vote") + ".");
            }
            GovernanceAudit.Recount r = GovernanceAudit.recount(v.governance().records(), v.ledger(), vote);
            ObjectNode o = JSON.objectNode();
            o.put("height", v.height());
            o.put("voters", r.voters());
            o.put("agrees", r.agrees());
            o.set("running", totals(r.running()));
            o.set("recounted", totals(r.recounted()));
            return o;
        });
    }

    private ObjectNode totals(Map<String, Long> m) {
        ObjectNode o = JSON.objectNode();
        new java.util.TreeMap<>(m).forEach((k, val) -> o.put(k, Long.toString(val)));
        return o;
    }

    private JsonNode receipt(Params p) {
        VoteId vote = vote(p.text("vote"));
        Address voter = p.address("voter", network);
        return node.ballotReceipt(vote, voter)
                .map(r -> ReceiptJson.of(r, p.text("vote"), voter, network))
                .orElseThrow(
                        () -> notFound(voter.encode(network) + " has no standing ballot in " + p.text("vote") + "."));
    }

    /** A vote named as {@code election:N}, {@code support:ID} or {@code referendum:ID}. */
    static VoteId vote(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "election" -> {
                if (!rest.matches("\\d{1,18}")) {
                    throw Params.invalid(Reason.MALFORMED, "An election is named 'election:N', N its number.");
                }
                yield VoteId.election(Long.parseLong(rest));
            }
            case "support" -> VoteId.support(hash(rest, "vote"));
            case "referendum" -> VoteId.referendum(hash(rest, "vote"));
            default ->
                throw Params.invalid(
                        Reason.MALFORMED,
                        "A vote is named 'election:N', 'support:PROPOSAL_ID' or 'referendum:PROPOSAL_ID'.");
        };
    }

    private static Hash hash(String hex, String name) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw Params.invalid(Reason.MALFORMED, "'" + name + "' must name a proposal id: 64 hex digits.");
        }
        return Hash.fromHex(hex);
    }

    private static RecordKey cursor(String hex, RecordKey prefix) {
        byte[] b;
        try {
            b = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw Params.invalid(Reason.MALFORMED, "'cursor' is not one this method gave.");
        }
        if (b.length == 0 || b.length > RecordKey.MAX_LENGTH || !RecordKey.of(b).startsWith(prefix)) {
            throw Params.invalid(Reason.MALFORMED, "'cursor' is not one this method gave.");
        }
        return RecordKey.of(b);
    }

    private static void next(ObjectNode o, List<Map.Entry<RecordKey, byte[]>> page, int limit) {
        if (page.size() > limit) {
            o.put("next", HEX.formatHex(page.get(limit - 1).getKey().bytes()));
        } else {
            o.putNull("next");
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static RpcException notFound(String detail) {
        return new RpcException(RpcException.NOT_FOUND, Reason.NOT_FOUND, detail);
    }
}
