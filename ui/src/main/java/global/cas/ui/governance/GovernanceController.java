package global.cas.ui.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.governance.ProposalKind;
import global.cas.ledger.ElectionBallot;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.node.query.GovernanceView;
import global.cas.ui.i18n.Messages;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.wallet.PasswordPrompt;
import global.cas.ui.wallet.WalletText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The governance screen: the election with the wallet's split ballot, the proposals with their
 * bars and buttons, the committee. Thin: {@link GovernanceModel} reads and sends, {@link
 * BallotDraft} checks the ballot, {@link GovernanceText} words every figure.
 */
public final class GovernanceController {
    private final GovernanceModel model;
    private final Messages messages;
    private final GovernanceText text;
    private final BallotDraft draft = new BallotDraft();
    private final FxExecutor fx = new FxExecutor();

    @FXML
    private ComboBox<Address> voter;

    @FXML
    private Label voterBalance;

    @FXML
    private Label failure;

    @FXML
    private Label electionTitle;

    @FXML
    private Label windows;

    @FXML
    private Label countdown;

    @FXML
    private Label rule;

    @FXML
    private TableView<GovernanceView.Candidate> candidates;

    @FXML
    private TableColumn<GovernanceView.Candidate, String> rank;

    @FXML
    private TableColumn<GovernanceView.Candidate, String> name;

    @FXML
    private TableColumn<GovernanceView.Candidate, String> votes;

    @FXML
    private TableColumn<GovernanceView.Candidate, String> standing;

    @FXML
    private TableColumn<GovernanceView.Candidate, GovernanceView.Candidate> share;

    @FXML
    private TableColumn<GovernanceView.Candidate, String> platform;

    @FXML
    private Label noCandidates;

    @FXML
    private Label weight;

    @FXML
    private Label youVoted;

    @FXML
    private Label ballotSum;

    @FXML
    private Button cast;

    @FXML
    private Button withdraw;

    @FXML
    private Label ballotError;

    @FXML
    private TableView<GovernanceView.Proposal> proposals;

    @FXML
    private TableColumn<GovernanceView.Proposal, String> pTitle;

    @FXML
    private TableColumn<GovernanceView.Proposal, String> pKind;

    @FXML
    private TableColumn<GovernanceView.Proposal, String> pStage;

    @FXML
    private TableColumn<GovernanceView.Proposal, String> pTime;

    @FXML
    private VBox details;

    @FXML
    private Label dTitle;

    @FXML
    private Label dText;

    @FXML
    private Label dStage;

    @FXML
    private Label dSupport;

    @FXML
    private ProgressBar supportBar;

    @FXML
    private Label dResponse;

    @FXML
    private Label dQuorum;

    @FXML
    private ProgressBar quorumBar;

    @FXML
    private Label dRatio;

    @FXML
    private ProgressBar ratioBar;

    @FXML
    private Label dBloc;

    @FXML
    private Label dYou;

    @FXML
    private Button support;

    @FXML
    private Button unsupport;

    @FXML
    private Button yes;

    @FXML
    private Button no;

    @FXML
    private Button abstain;

    @FXML
    private Label proposalError;

    @FXML
    private Label committeeNote;

    @FXML
    private Label reserve;

    @FXML
    private TableView<GovernanceView.Seat> seats;

    @FXML
    private TableColumn<GovernanceView.Seat, String> sAddress;

    @FXML
    private TableColumn<GovernanceView.Seat, String> sKind;

    @FXML
    private TableColumn<GovernanceView.Seat, String> sStanding;

    @FXML
    private TableColumn<GovernanceView.Seat, String> sBalance;

    @FXML
    private TableView<GovernanceView.Statement> statements;

    @FXML
    private TableColumn<GovernanceView.Statement, String> tKind;

    @FXML
    private TableColumn<GovernanceView.Statement, String> tState;

    @FXML
    private TableColumn<GovernanceView.Statement, String> tText;

    @FXML
    private Label candidacy;

    @FXML
    private Button runButton;

    @FXML
    private Button withdrawCandidacy;

    @FXML
    private Button newProposal;

    @FXML
    private Label newProposalResult;

    @FXML
    private TableView<GovernanceView.Spend> spends;

    @FXML
    private TableColumn<GovernanceView.Spend, String> spAmount;

    @FXML
    private TableColumn<GovernanceView.Spend, String> spRecipient;

    @FXML
    private TableColumn<GovernanceView.Spend, String> spState;

    @FXML
    private TableColumn<GovernanceView.Spend, String> spMemo;

    @FXML
    private Button approveSpend;

    @FXML
    private Button requestSpend;

    @FXML
    private Label spendError;

    @FXML
    private Label payoutLine;

    @FXML
    private Button electionReceipt;

    @FXML
    private Button proposalReceipt;

    public GovernanceController(GovernanceModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.text = new GovernanceText(messages, model.wallet().network());
    }

    @FXML
    void initialize() {
        voter.setItems(model.wallet().addresses());
        voter.setCellFactory(l -> addressCell());
        voter.setButtonCell(addressCell());
        voter.valueProperty().bindBidirectional(model.voterProperty());
        rank.setCellValueFactory(c -> value(messages.number(c.getValue().rank())));
        name.setCellValueFactory(c -> value(c.getValue().profile().name()));
        votes.setCellValueFactory(
                c -> value(WalletText.cas(messages, c.getValue().votes())));
        standing.setCellValueFactory(c -> value(text.standing(c.getValue())));
        platform.setCellValueFactory(c -> value(c.getValue().profile().platform()));
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        share.setCellFactory(c -> new ShareCell());
        pTitle.setCellValueFactory(c -> value(c.getValue().title()));
        pKind.setCellValueFactory(c -> value(text.kind(c.getValue().kind())));
        pStage.setCellValueFactory(c -> value(text.stage(c.getValue())));
        pTime.setCellValueFactory(c -> value(text.timeLeft(c.getValue(), now())));
        sAddress.setCellValueFactory(
                c -> value(c.getValue().address().encode(model.wallet().network())));
        sKind.setCellValueFactory(
                c -> value(messages.get("gov.seat." + c.getValue().kind())));
        sStanding.setCellValueFactory(
                c -> value(messages.get("gov.standing." + c.getValue().standing())));
        sBalance.setCellValueFactory(
                c -> value(WalletText.cas(messages, c.getValue().balance())));
        tKind.setCellValueFactory(
                c -> value(messages.get("gov.statement." + c.getValue().kind())));
        tState.setCellValueFactory(c -> value(
                c.getValue().published()
                        ? messages.get("gov.statement.published", c.getValue().approvals())
                        : messages.get("gov.statement.draft", c.getValue().approvals())));
        tText.setCellValueFactory(c -> value(c.getValue().text()));
        reserveBoard = new ReserveBoard(model, messages, spends, approveSpend, requestSpend, spendError, payoutLine);
        reserveBoard.columns(spAmount, spRecipient, spState, spMemo);
        proposals.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showProposal());
        model.loadedProperty().addListener((o, a, b) -> show());
        model.failureProperty().addListener((o, a, b) -> {
            failure.setText(b == null ? "" : WalletText.explain(messages, b));
            failure.setVisible(b != null);
            failure.setManaged(b != null);
        });
        messages.languageProperty().addListener((o, a, b) -> show());
        show();
        model.refresh();
    }

    private ListCell<Address> addressCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Address a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? "" : a.encode(model.wallet().network()));
            }
        };
    }

    private static <T> ReadOnlyObjectWrapper<T> value(T v) {
        return new ReadOnlyObjectWrapper<>(v);
    }

    private long now() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        return l == null ? 0 : l.view().time();
    }

    /** The share a person gives a candidate, typed as a percentage. */
    private final class ShareCell extends TableCell<GovernanceView.Candidate, GovernanceView.Candidate> {
        private final TextField field = new TextField();

        ShareCell() {
            field.getStyleClass().add("gov-share-field");
            field.setPromptText("0");
            field.textProperty().addListener((o, a, b) -> {
                GovernanceView.Candidate c = getItem();
                if (c != null) {
                    draft.set(c.address(), b);
                    showDraft();
                }
            });
        }

        @Override
        protected void updateItem(GovernanceView.Candidate c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            field.setText(draft.typed(c.address()));
            field.setDisable(!c.standing().equals("active"));
            field.setId("share-" + c.rank());
            setGraphic(field);
        }
    }

    private void show() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            electionTitle.setText(messages.get("gov.loading"));
            return;
        }
        GovernanceView v = l.view();
        GovernanceView.Election e = v.election();
        voterBalance.setText(messages.get("gov.voter.balance", WalletText.cas(messages, l.voterBalance())));
        electionTitle.setText(messages.get("gov.election.title", e.number()));
        windows.setText(text.windows(e));
        countdown.setText(text.countdown(e, v.time()));
        rule.setText(messages.get(
                "gov.election.rule",
                WalletText.cas(messages, v.params().electionThreshold()),
                v.params().minSeats(),
                WalletText.cas(messages, v.params().candidacyMinimum())));
        noCandidates.setText(
                e.nominating(v.time())
                        ? messages.get("gov.candidates.nominating")
                        : messages.get("gov.candidates.none"));
        candidates.setItems(FXCollections.observableArrayList(e.candidates()));
        candidates.refresh();
        weight.setText(text.weight(l, e));
        youVoted.setText(l.electionBallot().map(b -> text.youVoted(b, e)).orElse(messages.get("gov.you.none")));
        cast.setDisable(!e.votingOpen());
        withdraw.setDisable(!e.votingOpen() || l.electionBallot().isEmpty());
        electionReceipt.setDisable(l.electionBallot().isEmpty());
        showDraft();
        Hash selected = Optional.ofNullable(proposals.getSelectionModel().getSelectedItem())
                .map(GovernanceView.Proposal::id)
                .orElse(null);
        proposals.setItems(FXCollections.observableArrayList(v.proposals()));
        v.proposals().stream()
                .filter(p -> p.id().equals(selected))
                .findFirst()
                .ifPresentOrElse(p -> proposals.getSelectionModel().select(p), () -> {
                    if (!v.proposals().isEmpty()) {
                        proposals.getSelectionModel().select(0);
                    }
                });
        showProposal();
        committeeNote.setText(
                v.transitionalCommittee()
                        ? messages.get("gov.committee.transitional")
                        : messages.get("gov.committee.elected"));
        reserve.setText(messages.get("gov.reserve", WalletText.cas(messages, v.reserveBalance())));
        seats.setItems(FXCollections.observableArrayList(v.committee()));
        statements.setItems(FXCollections.observableArrayList(v.statements()));
        reserveBoard.show(l);
        showCandidacy(l);
    }

    private void showCandidacy(GovernanceModel.Loaded l) {
        GovernanceView.Election e = l.view().election();
        Address who = model.voterProperty().get();
        Optional<GovernanceView.Candidate> mine =
                e.candidates().stream().filter(c -> c.address().equals(who)).findFirst();
        candidacy.setText(mine.map(c -> messages.get(
                        "gov.campaign.status",
                        c.profile().name(),
                        text.standing(c),
                        c.rank(),
                        WalletText.cas(messages, c.votes())))
                .orElse(
                        e.nominating(l.view().time())
                                ? messages.get("gov.campaign.none.open")
                                : messages.get("gov.campaign.none")));
        runButton.setDisable(!e.nominating(l.view().time()) || mine.isPresent());
        withdrawCandidacy.setDisable(mine.isEmpty() || !mine.get().standing().equals("active") || e.closed());
    }

    private void showDraft() {
        ballotSum.setText(messages.get("gov.ballot.sum", text.percent(draft.sum())));
        ballotError.setText(draft.problem()
                .filter(p -> p != BallotDraft.Problem.NONE_CHOSEN)
                .map(p -> messages.get("gov.ballot.problem." + p.name().toLowerCase(Locale.ROOT)))
                .orElse(""));
    }

    private void showProposal() {
        GovernanceView.Proposal p = proposals.getSelectionModel().getSelectedItem();
        GovernanceModel.Loaded l = model.loadedProperty().get();
        details.setVisible(p != null && l != null);
        details.setManaged(p != null && l != null);
        if (p == null || l == null) {
            return;
        }
        var params = l.view().params();
        long time = l.view().time();
        dTitle.setText(p.title());
        dText.setText(p.text());
        dStage.setText(text.stageSentence(p, time));
        dSupport.setText(messages.get(
                "gov.support.line",
                WalletText.cas(messages, p.support()),
                p.supporters(),
                WalletText.cas(messages, params.responseSupport()),
                WalletText.cas(messages, params.referendumSupport())));
        supportBar.setProgress(fraction(p.support(), params.referendumSupport()));
        dResponse.setText(text.response(p));
        boolean referendum = p.referendumOpensAt() > 0;
        long quorum =
                p.kind() == ProposalKind.COMMITTEE_RULES ? params.committeeRulesQuorum() : params.referendumQuorum();
        long voted = p.yes() + p.no() + p.abstain() + (p.reserveBloc().isPresent() ? 0 : 0);
        dQuorum.setVisible(referendum);
        quorumBar.setVisible(referendum);
        dRatio.setVisible(referendum);
        ratioBar.setVisible(referendum);
        dQuorum.setText(messages.get(
                "gov.quorum.line",
                WalletText.cas(messages, voted),
                WalletText.cas(messages, quorum),
                p.referendumVoters()));
        quorumBar.setProgress(fraction(voted, quorum));
        dRatio.setText(text.ratio(p));
        ratioBar.setProgress(p.yes() + p.no() == 0 ? 0 : fraction(p.yes(), p.yes() + p.no()));
        dBloc.setText(text.bloc(p));
        Optional<GovernanceView.Ballot> supported =
                Optional.ofNullable(l.supports().get(p.id()));
        Optional<GovernanceView.Ballot> voteCast =
                Optional.ofNullable(l.referendumBallots().get(p.id()));
        dYou.setText(text.youOnProposal(supported, voteCast));
        support.setDisable(!p.supportOpen());
        unsupport.setDisable(!p.supportOpen() || supported.isEmpty());
        yes.setDisable(!p.referendumOpen());
        no.setDisable(!p.referendumOpen());
        abstain.setDisable(!p.referendumOpen());
        proposalReceipt.setDisable(voteCast.isEmpty() && supported.isEmpty());
    }

    private static double fraction(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(1.0, (double) part / whole);
    }

    // ---------------------------------------------------------------- actions

    @FXML
    void cast() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            return;
        }
        Optional<BallotDraft.Problem> p = draft.problem();
        if (p.isPresent()) {
            ballotError.setText(
                    messages.get("gov.ballot.problem." + p.get().name().toLowerCase(Locale.ROOT)));
            return;
        }
        send(new ElectionBallot(l.view().election().number(), draft.shares()), "gov.password.ballot", ballotError);
    }

    @FXML
    void withdraw() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l != null) {
            send(new ElectionBallot(l.view().election().number(), List.of()), "gov.password.withdraw", ballotError);
        }
    }

    @FXML
    void support() {
        selected().ifPresent(p -> send(new ProposalSupport(p.id(), false), "gov.password.support", proposalError));
    }

    @FXML
    void unsupport() {
        selected().ifPresent(p -> send(new ProposalSupport(p.id(), true), "gov.password.support", proposalError));
    }

    @FXML
    void voteYes() {
        referendum(0);
    }

    @FXML
    void voteNo() {
        referendum(1);
    }

    @FXML
    void voteAbstain() {
        referendum(2);
    }

    private void referendum(int choice) {
        selected().ifPresent(p -> send(new ReferendumBallot(p.id(), choice), "gov.password.referendum", proposalError));
    }

    @FXML
    void saveElectionReceipt() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l != null) {
            saveReceipt(
                    global.cas.governance.VoteId.election(l.view().election().number()), ballotError);
        }
    }

    @FXML
    void saveProposalReceipt() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        selected()
                .ifPresent(p -> saveReceipt(
                        l != null && l.referendumBallots().containsKey(p.id())
                                ? global.cas.governance.VoteId.referendum(p.id())
                                : global.cas.governance.VoteId.support(p.id()),
                        proposalError));
    }

    /** Asks where, then writes the receipt of the voter's ballot in {@code vote} (G38). */
    private void saveReceipt(global.cas.governance.VoteId vote, Label result) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.get("gov.receipt.save"));
        chooser.setInitialFileName("receipt-"
                + vote.name()
                        .replace(':', '-')
                        .substring(0, Math.min(vote.name().length(), 24))
                + ".json");
        java.io.File f = chooser.showSaveDialog(window());
        if (f == null) {
            return;
        }
        model.saveReceipt(vote, f.toPath())
                .whenCompleteAsync(
                        (path, failure) -> result.setText(
                                failure == null
                                        ? messages.get("gov.receipt.saved", path.toString())
                                        : WalletText.explain(messages, failure)),
                        fx);
    }

    @FXML
    void runForCommittee() {
        CampaignWizard w = new CampaignWizard(model, messages);
        w.build(window(), id -> ballotError.setText(messages.get("gov.campaign.sent", id.hex())))
                .showAndWait();
    }

    @FXML
    void withdrawCandidacy() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l != null) {
            send(
                    new global.cas.ledger.CandidacyWithdrawal(
                            l.view().election().number()),
                    "gov.password.withdrawCandidacy",
                    ballotError);
        }
    }

    @FXML
    void newProposal() {
        GovernanceModel.Loaded l = model.loadedProperty().get();
        if (l == null) {
            return;
        }
        new ProposalForm(messages, l.view().params())
                .dialog(window())
                .showAndWait()
                .flatMap(x -> x)
                .ifPresent(p -> send(p, "gov.password.propose", newProposalResult));
    }

    @FXML
    void approveSpend() {
        reserveBoard
                .selected()
                .ifPresent(sp ->
                        send(new global.cas.ledger.ReserveSpendApproval(sp.id()), "gov.password.spend", spendError));
    }

    @FXML
    void requestSpend() {
        reserveBoard.requestForm(window()).ifPresent(r -> send(r, "gov.password.spend", spendError));
    }

    private Optional<GovernanceView.Proposal> selected() {
        return Optional.ofNullable(proposals.getSelectionModel().getSelectedItem());
    }

    private void send(GovernanceAction action, String purposeKey, Label error) {
        error.setText("");
        if (model.voterProperty().get() == null) {
            error.setText(messages.get("gov.voter.none"));
            return;
        }
        new PasswordPrompt(messages)
                .askUntilRight(
                        window(),
                        purposeKey,
                        pw -> model.act(action, pw),
                        outcome -> outcome.whenCompleteAsync(
                                (id, failure) -> error.setText(
                                        failure == null
                                                ? messages.get("gov.sent", id.hex())
                                                : WalletText.explain(messages, failure)),
                                fx));
    }

    private ReserveBoard reserveBoard;

    private Window window() {
        return cast.getScene() == null ? null : cast.getScene().getWindow();
    }

    /** The candidates a test or the wizard selects by name. */
    List<String> candidateNames() {
        return candidates.getItems().stream().map(c -> c.profile().name()).collect(Collectors.toList());
    }
}
