package global.cas.ui.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.ProposalPosting;
import global.cas.node.query.GovernanceView;
import global.cas.node.query.NodeQueries;
import global.cas.ui.shell.FxExecutor;
import global.cas.ui.wallet.WalletModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The governance screens' view model: the node's {@link GovernanceView} read again at each new
 * block, with the chosen voter's own ballots (the wallet address that acts, the wallet's first by
 * default), and the sending of the wallet's governance actions. FX thread, but for the reads,
 * which run on the node's call threads.
 */
public final class GovernanceModel {
    /** What one read gives: the state and the voter's standing ballots in it. */
    public record Loaded(
            GovernanceView view,
            Optional<GovernanceView.Ballot> electionBallot,
            Map<Hash, GovernanceView.Ballot> supports,
            Map<Hash, GovernanceView.Ballot> referendumBallots,
            long voterBalance,
            long minFeePerByte,
            GovernanceView.Voters electionVoters,
            Map<Hash, GovernanceView.Voters> proposalVoters) {}

    /** How many of the heaviest ballots each tally shows (G38); the RPC lists them all. */
    static final int VOTERS_SHOWN = 8;

    private final WalletModel wallet;
    private final FxExecutor fx = new FxExecutor();
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Address> voter = new SimpleObjectProperty<>();
    private boolean reading;
    private boolean again;
    /** Held here so the node's property holds it weakly: a reloaded screen's old model goes away. */
    private final javafx.beans.value.ChangeListener<Number> onBlock = (o, a, b) -> refresh();

    public GovernanceModel(WalletModel wallet) {
        this.wallet = wallet;
        if (!wallet.addresses().isEmpty()) {
            voter.set(wallet.addresses().get(0));
        }
        wallet.node().heightProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onBlock));
        voter.addListener((o, a, b) -> refresh());
    }

    public WalletModel wallet() {
        return wallet;
    }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The wallet address that votes and acts. */
    public ObjectProperty<Address> voterProperty() {
        return voter;
    }

    /** Reads the governance state again (at most one read at a time; a request meanwhile reads once more after). */
    public void refresh() {
        if (reading) {
            again = true;
            return;
        }
        if (!wallet.node().access().isReady()) {
            return;
        }
        reading = true;
        Address who = voter.get();
        wallet.node()
                .access()
                .call(q -> load(q, who))
                .whenCompleteAsync(
                        (l, error) -> {
                            reading = false;
                            if (error != null) {
                                failure.set(error);
                            } else {
                                failure.set(null);
                                loaded.set(l);
                            }
                            if (again) {
                                again = false;
                                refresh();
                            }
                        },
                        fx);
    }

    static Loaded load(NodeQueries q, Address who) {
        GovernanceView v = q.governance();
        Map<Hash, GovernanceView.Ballot> supports = new HashMap<>();
        Map<Hash, GovernanceView.Ballot> votes = new HashMap<>();
        Optional<GovernanceView.Ballot> election = Optional.empty();
        long balance = 0;
        if (who != null) {
            election = q.electionBallot(v.election().number(), who);
            for (GovernanceView.Proposal p : v.proposals()) {
                q.support(p.id(), who).ifPresent(b -> supports.put(p.id(), b));
                q.referendumBallot(p.id(), who).ifPresent(b -> votes.put(p.id(), b));
            }
            balance = q.balance(who, global.cas.ledger.AssetId.CAS);
        }
        Map<Hash, GovernanceView.Voters> voters = new HashMap<>();
        for (GovernanceView.Proposal p : v.proposals()) {
            voters.put(
                    p.id(),
                    q.voters(
                            p.referendumOpensAt() > 0 && v.time() >= p.referendumOpensAt()
                                    ? global.cas.governance.VoteId.referendum(p.id())
                                    : global.cas.governance.VoteId.support(p.id()),
                            VOTERS_SHOWN));
        }
        return new Loaded(
                v,
                election,
                supports,
                votes,
                balance,
                q.tipSummary().minFeePerByte(),
                q.voters(global.cas.governance.VoteId.election(v.election().number()), VOTERS_SHOWN),
                voters);
    }

    /**
     * G38: writes the voter's receipt for {@code vote} (its ballot, weight and proof under the
     * tip's state root) to {@code file} as JSON, the file {@code cas gov verify-receipt} checks
     * offline; fails with {@code NOT_FOUND} when the voter has no standing ballot there.
     */
    public CompletableFuture<java.nio.file.Path> saveReceipt(
            global.cas.governance.VoteId vote, java.nio.file.Path file) {
        Address who = voter.get();
        return wallet.node()
                .access()
                .call(q -> q.ballotReceipt(vote, who))
                .thenApplyAsync(
                        r -> {
                            var receipt = r.orElseThrow(() -> new global.cas.rejection.RejectedException(
                                    global.cas.rejection.Reason.NOT_FOUND,
                                    "No standing ballot of this address in " + vote.name() + "."));
                            var json = global.cas.rpc.ReceiptJson.of(receipt, vote.name(), who, wallet.network());
                            try {
                                java.nio.file.Files.writeString(
                                        file,
                                        new com.fasterxml.jackson.databind.ObjectMapper()
                                                        .writerWithDefaultPrettyPrinter()
                                                        .writeValueAsString(json)
                                                + "\n");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            return file;
                        },
                        java.util.concurrent.ForkJoinPool.commonPool())
                .whenCompleteAsync((p, e) -> {}, fx);
    }

    /**
     * Signs {@code action} with the voter's key after the password, sends it and reads the state
     * again when it is in; a proposal pays at least the chain's posting fee (G30).
     */
    public CompletableFuture<Hash> act(GovernanceAction action, char[] password) {
        Loaded l = loaded.get();
        long fee = action instanceof ProposalPosting && l != null
                ? l.view().params().proposalFee()
                : 0;
        return wallet.act(action, voter.get(), fee, password).whenCompleteAsync((id, e) -> refresh(), fx);
    }
}
