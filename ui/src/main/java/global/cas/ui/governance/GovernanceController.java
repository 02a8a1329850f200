package global.cas.ui.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
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
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
    private javafx.scene.control.TabPane tabs;

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
    private Label electionVoters;

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
        tabHeights = TabHeights.watch(tabs);
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
        l.electionBallot()
                .ifPresent(b -> draft.prefill(b, bp -> text.percent(bp).replace("%", "")));
        candidates.setItems(FXCollections.observableArrayList(e.candidates()));
        candidates.refresh();
        electionVoters.setText(text.electionVoters(l.electionVoters(), e));
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
        seats.setItems(FXCollections.observableArrayList(v.committee().stream()
                .sorted(java.util.Comparator.comparing(
                        (GovernanceView.Seat st) -> !st.standing().equals("active")))
                .toList()));
        statements.setItems(FXCollections.observableArrayList(v.statements()));
        reserveBoard.show(l);
        CampaignWizard.showStatus(model, messages, text, l, candidacy, runButton, withdrawCandidacy);
        tabHeights.later();
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
        if (p != null && l != null) {
            proposalDetails().show(p, l);
        }
    }

    private ProposalDetails proposalDetails;

    private ProposalDetails proposalDetails() {
        if (proposalDetails == null) {
            proposalDetails = new ProposalDetails(
                    model,
                    messages,
                    text,
                    ProposalDetails.Nodes.in(details, List.of(support, unsupport, yes, no, abstain, proposalReceipt)));
        }
        return proposalDetails;
    }

    @FXML
    void memberYes() {
        memberVote(0);
    }

    @FXML
    void memberNo() {
        memberVote(1);
    }

    @FXML
    void memberAbstain() {
        memberVote(2);
    }

    private void memberVote(int choice) {
        selected()
                .ifPresent(p -> send(
                        new global.cas.ledger.CommitteeReferendumVote(p.id(), choice),
                        "gov.password.member",
                        proposalError));
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

    private void saveReceipt(global.cas.governance.VoteId vote, Label result) {
        ReceiptPrompt.save(model, messages, window(), vote, result);
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
    private TabHeights tabHeights;

    private Window window() {
        return cast.getScene() == null ? null : cast.getScene().getWindow();
    }
}
