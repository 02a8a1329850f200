package global.cas.ui.governance;

import global.cas.crypto.Address;
import global.cas.governance.ProposalKind;
import global.cas.node.query.GovernanceView;
import global.cas.ui.i18n.Messages;
import global.cas.ui.wallet.WalletText;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * The selected proposal on the proposal browser (G32–G37): its stage, support against 100,000 and
 * 100,000,000 CAS, the committee's response due or overdue, the referendum's quorum and yes ratio,
 * the reserve's bloc and the committee's internal votes (G11), what the voter did, and which of its
 * buttons apply now. FX thread.
 */
final class ProposalDetails {
    /**
     * The nodes it fills; {@code buttons} are support, withdraw support, yes, no, abstain and save
     * receipt, in that order.
     */
    record Nodes(
            Label title,
            Label text,
            Label stage,
            Label support,
            ProgressBar supportBar,
            Label response,
            Label quorum,
            ProgressBar quorumBar,
            Label ratio,
            ProgressBar ratioBar,
            Label bloc,
            Label you,
            Label committee,
            javafx.scene.layout.VBox memberButtons,
            Label voters,
            List<Button> buttons) {
        /** The nodes of the details pane {@code details} (by their FXML ids), with {@code buttons}. */
        static Nodes in(javafx.scene.Node details, List<Button> buttons) {
            return new Nodes(
                    (Label) details.lookup("#dTitle"),
                    (Label) details.lookup("#dText"),
                    (Label) details.lookup("#dStage"),
                    (Label) details.lookup("#dSupport"),
                    (ProgressBar) details.lookup("#supportBar"),
                    (Label) details.lookup("#dResponse"),
                    (Label) details.lookup("#dQuorum"),
                    (ProgressBar) details.lookup("#quorumBar"),
                    (Label) details.lookup("#dRatio"),
                    (ProgressBar) details.lookup("#ratioBar"),
                    (Label) details.lookup("#dBloc"),
                    (Label) details.lookup("#dYou"),
                    (Label) details.lookup("#dCommittee"),
                    (javafx.scene.layout.VBox) details.lookup("#memberButtons"),
                    (Label) details.lookup("#dVoters"),
                    buttons);
        }
    }

    private final GovernanceModel model;
    private final Messages messages;
    private final GovernanceText text;
    private final Nodes n;

    ProposalDetails(GovernanceModel model, Messages messages, GovernanceText text, Nodes nodes) {
        this.model = model;
        this.messages = messages;
        this.text = text;
        this.n = nodes;
    }

    /** Shows {@code p} as read in {@code l}. */
    void show(GovernanceView.Proposal p, GovernanceModel.Loaded l) {
        var params = l.view().params();
        long time = l.view().time();
        n.title().setText(p.title());
        n.text().setText(p.text());
        n.stage().setText(text.stageSentence(p, time));
        n.support()
                .setText(messages.get(
                        "gov.support.line",
                        WalletText.cas(messages, p.support()),
                        p.supporters(),
                        WalletText.cas(messages, params.responseSupport()),
                        WalletText.cas(messages, params.referendumSupport())));
        n.supportBar().setProgress(fraction(p.support(), params.referendumSupport()));
        n.response().setText(text.response(p));
        boolean referendum = p.referendumOpensAt() > 0;
        long quorum =
                p.kind() == ProposalKind.COMMITTEE_RULES ? params.committeeRulesQuorum() : params.referendumQuorum();
        long voted = p.yes() + p.no() + p.abstain() + (p.reserveBloc().isPresent() ? 0 : 0);
        for (javafx.scene.Node n : List.of(n.quorum(), n.quorumBar(), n.ratio(), n.ratioBar(), n.bloc())) {
            n.setVisible(referendum);
            n.setManaged(referendum);
        }
        n.quorum()
                .setText(messages.get(
                        "gov.quorum.line",
                        WalletText.cas(messages, voted),
                        WalletText.cas(messages, quorum),
                        p.referendumVoters()));
        n.quorumBar().setProgress(fraction(voted, quorum));
        n.ratio().setText(text.ratio(p));
        n.ratioBar().setProgress(p.yes() + p.no() == 0 ? 0 : fraction(p.yes(), p.yes() + p.no()));
        n.bloc().setText(text.bloc(p));
        Optional<GovernanceView.Ballot> supported =
                Optional.ofNullable(l.supports().get(p.id()));
        Optional<GovernanceView.Ballot> voteCast =
                Optional.ofNullable(l.referendumBallots().get(p.id()));
        n.you().setText(text.youOnProposal(supported, voteCast));
        List<javafx.scene.control.Button> b = n.buttons();
        b.get(0).setDisable(!p.supportOpen());
        b.get(1).setDisable(!p.supportOpen() || supported.isEmpty());
        b.get(2).setDisable(!p.referendumOpen());
        b.get(3).setDisable(!p.referendumOpen());
        b.get(4).setDisable(!p.referendumOpen());
        b.get(5).setDisable(voteCast.isEmpty() && supported.isEmpty());
        showMemberVotes(p, l);
        GovernanceView.Voters v = l.proposalVoters().get(p.id());
        n.voters().setText(v == null ? "" : text.voters(v, false));
    }

    /** G11: the committee's internal votes on the reserve's bloc, and a seated member's own buttons. */
    private void showMemberVotes(GovernanceView.Proposal p, GovernanceModel.Loaded l) {
        Address who = model.voterProperty().get();
        long seated = l.view().committee().stream()
                .filter(s -> s.standing().equals("active"))
                .count();
        boolean member = who != null
                && l.view().committee().stream()
                        .anyMatch(s -> s.address().equals(who) && s.standing().equals("active"));
        boolean referendum = p.referendumOpensAt() > 0;
        String votes = p.memberVotes().stream()
                .map(m -> shortAddress(m.member()) + " " + messages.get("gov.vote." + m.choice()))
                .collect(Collectors.joining(", "));
        n.committee()
                .setText(
                        !referendum
                                ? ""
                                : p.memberVotes().isEmpty()
                                        ? messages.get("gov.member.none", seated)
                                        : messages.get(
                                                "gov.member.votes",
                                                votes,
                                                p.memberVotes().size(),
                                                seated));
        n.committee().setVisible(referendum);
        n.committee().setManaged(referendum);
        boolean show = member && p.referendumOpen();
        n.memberButtons().setVisible(show);
        n.memberButtons().setManaged(show);
    }

    private String shortAddress(Address a) {
        String s = a.encode(model.wallet().network());
        return s.substring(0, 10) + "…" + s.substring(s.length() - 4);
    }

    private static double fraction(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(1.0, (double) part / whole);
    }
}
