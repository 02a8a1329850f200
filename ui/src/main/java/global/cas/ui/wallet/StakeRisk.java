package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.node.query.GovernanceView;
import global.cas.node.query.NodeQueries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a transfer would cost the wallet in governance (G2, G4, G8): a committee seat or a
 * candidacy lost because an address falls below the minimum, or weight taken from an open vote
 * (a vote counts the smaller of the balance at its opening and the balance now). Worked out before
 * the send is confirmed, so the review can say it. Immutable.
 *
 * @param address the wallet address concerned
 * @param kind what it loses
 * @param after its balance after the transfer
 * @param minimum the balance a seat or candidacy needs
 * @param weightLost the weight its open votes lose, summed (for {@link Kind#VOTE_WEIGHT})
 */
public record StakeRisk(Address address, Kind kind, long after, long minimum, long weightLost) {
    public enum Kind {
        SEAT,
        CANDIDACY,
        VOTE_WEIGHT
    }

    /** The risks of {@code transfer}, spending {@code spent} (the wallet's outputs it spends). */
    static List<StakeRisk> of(
            NodeQueries node, Transaction transfer, Map<OutputRef, UnspentOutput> spent, List<Address> mine) {
        Map<Address, Long> net = new HashMap<>();
        for (OutputRef in : transfer.inputs()) {
            UnspentOutput u = spent.get(in);
            if (u != null && u.output().asset().equals(AssetId.CAS)) {
                net.merge(u.output().owner(), -u.output().amount(), Long::sum);
            }
        }
        for (TxOutput o : transfer.outputs()) {
            if (o.asset().equals(AssetId.CAS) && mine.contains(o.owner())) {
                net.merge(o.owner(), o.amount(), Long::sum);
            }
        }
        List<StakeRisk> out = new ArrayList<>();
        if (net.values().stream().allMatch(v -> v >= 0)) {
            return out;
        }
        GovernanceView g = node.governance();
        long min = g.params().candidacyMinimum();
        for (Map.Entry<Address, Long> e : net.entrySet()) {
            if (e.getValue() >= 0) {
                continue;
            }
            Address a = e.getKey();
            long now = node.balance(a, AssetId.CAS);
            long after = now + e.getValue();
            boolean seated = g.committee().stream()
                    .anyMatch(s -> s.address().equals(a) && s.standing().equals("active"));
            boolean candidate = !g.election().closed()
                    && g.election().candidates().stream()
                            .anyMatch(c -> c.address().equals(a) && c.standing().equals("active"));
            if (seated && after < min) {
                out.add(new StakeRisk(a, Kind.SEAT, after, min, 0));
            }
            if (candidate && after < min) {
                out.add(new StakeRisk(a, Kind.CANDIDACY, after, min, 0));
            }
            long lost = 0;
            List<GovernanceView.Ballot> open = new ArrayList<>();
            if (g.election().votingOpen()) {
                node.electionBallot(g.election().number(), a).ifPresent(open::add);
            }
            for (GovernanceView.Proposal p : g.proposals()) {
                if (p.supportOpen()) {
                    node.support(p.id(), a).ifPresent(open::add);
                }
                if (p.referendumOpen()) {
                    node.referendumBallot(p.id(), a).ifPresent(open::add);
                }
            }
            for (GovernanceView.Ballot b : open) {
                long w = Math.min(b.balanceAtOpen(), Math.max(0, after));
                lost += Math.max(0, b.weight() - w);
            }
            if (lost > 0) {
                out.add(new StakeRisk(a, Kind.VOTE_WEIGHT, after, min, lost));
            }
        }
        return out;
    }
}
