package global.cas.ui.governance;

import global.cas.crypto.Network;
import global.cas.governance.ProposalKind;
import global.cas.governance.Vote;
import global.cas.node.query.GovernanceView;
import global.cas.ui.i18n.Messages;
import global.cas.ui.wallet.WalletText;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every governance figure in words, in the current language: windows and countdowns, standings,
 * stages, weights, ballots, bars' captions. Integer arithmetic for every figure but the bars'
 * lengths. Use on the FX thread.
 */
final class GovernanceText {
    private final Messages messages;
    private final Network network;

    GovernanceText(Messages messages, Network network) {
        this.messages = messages;
        this.network = network;
    }

    /** Basis points as a percentage with up to two decimals: "60%", "12.5%". */
    String percent(long basisPoints) {
        long whole = basisPoints / 100;
        long frac = basisPoints % 100;
        String f = frac == 0 ? "" : frac % 10 == 0 ? "." + frac / 10 : String.format(Locale.ROOT, ".%02d", frac);
        return whole + f + "%";
    }

    /** A length of time, rounded to seconds, minutes, hours or days. */
    String duration(long millis) {
        long s = Math.max(0, (millis + 999) / 1000);
        if (s < 120) {
            return messages.get("gov.duration.seconds", s);
        }
        if (s < 7200) {
            return messages.get("gov.duration.minutes", s / 60);
        }
        if (s < 2 * 86_400) {
            return messages.get("gov.duration.hours", s / 3600);
        }
        return messages.get("gov.duration.days", s / 86_400);
    }

    String windows(GovernanceView.Election e) {
        return messages.get(
                "gov.election.windows",
                WalletText.time(e.nominationStart()),
                WalletText.time(e.votingStart()),
                WalletText.time(e.closesAt()));
    }

    String countdown(GovernanceView.Election e, long now) {
        if (e.closed()) {
            return messages.get("gov.countdown.closed");
        }
        if (now < e.nominationStart()) {
            return messages.get("gov.countdown.beforeNomination", duration(e.nominationStart() - now));
        }
        if (now < e.votingStart()) {
            return messages.get("gov.countdown.nominating", duration(e.votingStart() - now));
        }
        return messages.get("gov.countdown.voting", duration(e.closesAt() - now));
    }

    String standing(GovernanceView.Candidate c) {
        String s = messages.get("gov.standing." + c.standing());
        return c.elected() ? messages.get("gov.standing.electedWith", s) : s;
    }

    String kind(ProposalKind k) {
        return messages.get("gov.kind." + k.name().toLowerCase(Locale.ROOT));
    }

    String stage(GovernanceView.Proposal p) {
        return messages.get("gov.stage." + p.stage());
    }

    String timeLeft(GovernanceView.Proposal p, long now) {
        if (p.referendumOpen()) {
            return messages.get("gov.left.referendum", duration(p.referendumClosesAt() - now));
        }
        if (p.stage().equals("referendum")) {
            return messages.get("gov.left.referendumOpens", duration(p.referendumOpensAt() - now));
        }
        if (p.stage().equals("support") && !p.supportOpen()) {
            return messages.get("gov.left.supportOpens", duration(p.supportOpensAt() - now));
        }
        return "";
    }

    String stageSentence(GovernanceView.Proposal p, long now) {
        return switch (p.stage()) {
            case "support" ->
                p.supportOpen()
                        ? messages.get("gov.sentence.support")
                        : messages.get("gov.sentence.supportOpens", duration(p.supportOpensAt() - now));
            case "referendum" ->
                p.referendumOpen()
                        ? messages.get("gov.sentence.referendum", WalletText.time(p.referendumClosesAt()))
                        : messages.get("gov.sentence.referendumOpens", WalletText.time(p.referendumOpensAt()));
            case "passed" ->
                p.effectiveHeight() > 0
                        ? messages.get("gov.sentence.passedAt", messages.number(p.effectiveHeight()))
                        : messages.get("gov.sentence.passed");
            default -> messages.get("gov.sentence.failed");
        };
    }

    String response(GovernanceView.Proposal p) {
        if (p.responseDeadline().isEmpty()) {
            return messages.get("gov.response.notDue");
        }
        if (p.respondedAt().isPresent()) {
            return p.responseOverdue()
                    ? messages.get(
                            "gov.response.late", WalletText.time(p.respondedAt().getAsLong()))
                    : messages.get(
                            "gov.response.given",
                            WalletText.time(p.respondedAt().getAsLong()));
        }
        return p.responseOverdue()
                ? messages.get(
                        "gov.response.overdue",
                        WalletText.time(p.responseDeadline().getAsLong()))
                : messages.get(
                        "gov.response.due", WalletText.time(p.responseDeadline().getAsLong()));
    }

    String ratio(GovernanceView.Proposal p) {
        long decided = p.yes() + p.no();
        long bp = decided == 0 ? 0 : p.yes() * 10_000 / decided;
        String needed = p.kind() == ProposalKind.COMMITTEE_RULES ? "66.67%" : "60%";
        return messages.get(
                "gov.ratio.line",
                WalletText.cas(messages, p.yes()),
                WalletText.cas(messages, p.no()),
                WalletText.cas(messages, p.abstain()),
                percent(bp),
                needed);
    }

    String bloc(GovernanceView.Proposal p) {
        if (p.reserveBloc().isEmpty()) {
            return messages.get("gov.bloc.pending");
        }
        Vote v = p.reserveBloc().get();
        return v == Vote.ABSTAIN
                ? messages.get("gov.bloc.abstained")
                : messages.get(
                        "gov.bloc.voted",
                        messages.get("gov.vote." + v.name().toLowerCase(Locale.ROOT)),
                        WalletText.cas(messages, p.reserveWeight()));
    }

    String weight(GovernanceModel.Loaded l, GovernanceView.Election e) {
        if (l.electionBallot().isPresent()) {
            GovernanceView.Ballot b = l.electionBallot().get();
            return messages.get(
                    "gov.weight.counted",
                    WalletText.cas(messages, b.weight()),
                    WalletText.cas(messages, b.balanceAtOpen()),
                    WalletText.cas(messages, l.voterBalance()));
        }
        return e.votingOpen()
                ? messages.get("gov.weight.open", WalletText.cas(messages, l.voterBalance()))
                : messages.get("gov.weight.closed");
    }

    String youVoted(GovernanceView.Ballot b, GovernanceView.Election e) {
        String shares = b.shares().stream()
                .map(s -> e.candidates().stream()
                                .filter(c -> c.address().equals(s.candidate()))
                                .map(c -> c.profile().name())
                                .findFirst()
                                .orElse(s.candidate().encode(network))
                        + " " + percent(s.basisPoints()))
                .collect(Collectors.joining(", "));
        return messages.get("gov.you.voted", shares, messages.number(b.castHeight()));
    }

    String youOnProposal(Optional<GovernanceView.Ballot> supported, Optional<GovernanceView.Ballot> vote) {
        if (vote.isPresent() && vote.get().choice().isPresent()) {
            return messages.get(
                    "gov.you.referendum",
                    messages.get("gov.vote." + vote.get().choice().get().name().toLowerCase(Locale.ROOT)),
                    WalletText.cas(messages, vote.get().weight()));
        }
        if (supported.isPresent()) {
            return messages.get(
                    "gov.you.supported",
                    WalletText.cas(messages, supported.get().weight()));
        }
        return messages.get("gov.you.nothing");
    }

    /** G38: how a tally was reached: how many voted, and the heaviest ballots with their weights. */
    String voters(GovernanceView.Voters v, boolean election) {
        return voters(v, election, java.util.Map.of());
    }

    /** As {@link #voters(GovernanceView.Voters, boolean)}, naming candidates by their profile's {@code names}. */
    String voters(GovernanceView.Voters v, boolean election, java.util.Map<global.cas.crypto.Address, String> names) {
        if (v.total() == 0) {
            return messages.get("gov.voters.none");
        }
        StringBuilder b = new StringBuilder(messages.get("gov.voters.title", v.total()));
        for (GovernanceView.Voter x : v.heaviest()) {
            String a = x.address().encode(network);
            String what = election
                    ? x.ballot().shares().stream()
                            .map(s -> names.getOrDefault(s.candidate(), shortAddress(s.candidate())) + " "
                                    + percent(s.basisPoints()))
                            .collect(java.util.stream.Collectors.joining(", "))
                    : x.ballot()
                            .choice()
                            .map(c -> messages.get("gov.vote." + c.name().toLowerCase(Locale.ROOT)))
                            .orElse(messages.get("gov.voters.supports"));
            b.append('\n')
                    .append(messages.get(
                            "gov.voters.line",
                            a.substring(0, 10) + "…" + a.substring(a.length() - 4),
                            what,
                            WalletText.cas(messages, x.ballot().weight()),
                            WalletText.cas(messages, x.ballot().balanceAtOpen())));
        }
        if (v.total() > v.heaviest().size()) {
            b.append('\n')
                    .append(messages.get(
                            "gov.voters.more", v.total() - v.heaviest().size()));
        }
        return b.toString();
    }

    /** The election's ballots, candidates named by their profiles. */
    String electionVoters(GovernanceView.Voters v, GovernanceView.Election e) {
        java.util.Map<global.cas.crypto.Address, String> names = new java.util.HashMap<>();
        e.candidates().forEach(c -> names.put(c.address(), c.profile().name()));
        return voters(v, true, names);
    }

    String shortAddress(global.cas.crypto.Address address) {
        String a = address.encode(network);
        return a.substring(0, 10) + "…" + a.substring(a.length() - 4);
    }
}
