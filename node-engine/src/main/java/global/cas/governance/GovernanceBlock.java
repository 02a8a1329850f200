package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceListener;
import global.cas.ledger.BlockContext;
import global.cas.ledger.LedgerView;
import global.cas.params.GovernanceParams;
import global.cas.records.ModuleChanges;
import global.cas.records.RecordKey;
import global.cas.records.RecordOverlay;
import global.cas.statetree.StateTree;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One block's work on the governance state, on top of the committed {@link GovernanceState},
 * which stays untouched until the block commits: {@link #begin} opens and closes the votes whose
 * time came ({@link Transitions}), the handler casts ballots through it, the ledger tells it of
 * every CAS balance change ({@link #balanceChanged}: checkpoints, live weights, seat and candidacy
 * loss, G2, G8), and {@link #end} latches supports, refills lost seats and prunes old checkpoints.
 * Not thread-safe: the chain thread, one block.
 */
public final class GovernanceBlock implements GovernanceView, BalanceListener {
    private final GovernanceState base;
    private final BlockContext context;
    private final GovernanceParams params;
    private final RecordOverlay records;
    private final Map<Address, Set<RecordKey>> watchedHere = new HashMap<>();
    private final Map<Long, Integer> openEpochs;
    private final Set<VoteId> supportTouched = new LinkedHashSet<>();
    private final Set<Address> standingTouched = new LinkedHashSet<>();
    private final java.util.List<ParamsChange> paramsChanges = new java.util.ArrayList<>();
    private LedgerView ledger;
    private global.cas.ledger.LedgerOverlay writable;
    private final ReservePayouts payouts = new ReservePayouts(this);
    private boolean seatLost;

    private final Address reserve;

    /**
     * The block of {@code context} on {@code base}, with {@code params} in force and {@code reserve}
     * the committee reserve's address (G11, G20).
     */
    public GovernanceBlock(GovernanceState base, BlockContext context, GovernanceParams params, Address reserve) {
        this.base = base;
        this.reserve = reserve;
        this.context = context;
        this.params = params;
        this.records = new RecordOverlay(GovernanceState.MODULE, base.records());
        this.openEpochs = new HashMap<>(base.openEpochs());
    }

    @Override
    public Optional<byte[]> record(RecordKey key) {
        return records.get(key);
    }

    public BlockContext context() {
        return context;
    }

    public GovernanceParams params() {
        return params;
    }

    long height() {
        return context.height();
    }

    long time() {
        return context.time();
    }

    /** The block's ledger, for balances now. */
    LedgerView ledger() {
        return ledger;
    }

    /** The block's ledger for the module's own payments (G20, G22): only in a block being executed. */
    global.cas.ledger.LedgerOverlay writableLedger() {
        if (writable == null) {
            throw new IllegalStateException("governance pays only inside a block being executed");
        }
        return writable;
    }

    /** The committee reserve's address. */
    Address reserve() {
        return reserve;
    }

    /** The members seated now (G3, G8). */
    java.util.Set<Address> seated() {
        java.util.Set<Address> out = new java.util.LinkedHashSet<>();
        for (RecordKey k : records.keys(GovernanceKeys.seats(), Transitions.MAX_CANDIDATES)) {
            if (Records.Seat.decode(records.get(k).orElseThrow()).seated()) {
                out.add(GovernanceKeys.trailingAddress(k));
            }
        }
        return out;
    }

    long balance(Address a) {
        return ledger.balance(a, AssetId.CAS);
    }

    void put(RecordKey key, byte[] bytes) {
        records.put(key, bytes);
    }

    void remove(RecordKey key) {
        records.remove(key);
    }

    List<RecordKey> keys(RecordKey prefix, int limit) {
        return records.keys(prefix, limit);
    }

    void watch(Address a, RecordKey k) {
        watchedHere.computeIfAbsent(a, x -> new HashSet<>()).add(k);
    }

    /** Starts the block on {@code ledger} (its overlay, before any transaction): the votes whose time came open or close. */
    public void begin(global.cas.ledger.LedgerOverlay overlay) {
        this.writable = overlay;
        begin((LedgerView) overlay);
    }

    /** Starts a read-only block on {@code ledger}, for checks: the module pays nothing in it. */
    public void begin(LedgerView ledger) {
        this.ledger = ledger;
        new Transitions(this).run();
    }

    /** Ends the block: supports latch (G32–G34), lost seats are refilled (G8), old checkpoints pruned (G2). */
    public void end() {
        transactionDone();
        Transitions t = new Transitions(this);
        for (VoteId v : supportTouched) {
            t.observeSupport(v);
        }
        if (seatLost) {
            t.refillSeats();
        }
        t.pruneCheckpoints();
        if (writable != null) {
            payouts.end(writable, Reserve.endOfBlock(height()));
        }
    }

    /**
     * G37: parameter changes a referendum passed in this block, each to take effect at its
     * height; the state machine puts them into the parameters' schedule.
     *
     * @param height the first height the new values are in force
     * @param changes each parameter's new value, by name
     */
    public record ParamsChange(long height, Map<String, Long> changes) {
        public ParamsChange {
            changes = Map.copyOf(changes);
        }
    }

    public java.util.List<ParamsChange> paramsChanges() {
        return java.util.List.copyOf(paramsChanges);
    }

    /** G37: a passed validator-set proposal's changes, to apply to the set in force at {@code height}. */
    public record ValidatorChange(long height, java.util.List<global.cas.ledger.ProposalPosting.Change> changes) {
        public ValidatorChange {
            changes = java.util.List.copyOf(changes);
        }
    }

    private final java.util.List<ValidatorChange> validatorChanges = new java.util.ArrayList<>();

    public java.util.List<ValidatorChange> validatorChanges() {
        return java.util.List.copyOf(validatorChanges);
    }

    void changeValidators(ValidatorChange c) {
        validatorChanges.add(c);
    }

    void changeParams(ParamsChange c) {
        paramsChanges.add(c);
    }

    /** The block's changes to the module's records. */
    public ModuleChanges changes() {
        return records.changes();
    }

    public StateTree treeAfter(ModuleChanges changes) {
        return records.treeAfter(changes);
    }

    /** Marks a vote as opened: its epoch's checkpoints are kept from now on (G2). */
    void opened(Records.Tally t) {
        openEpochs.merge(t.opensAt(), 1, Integer::sum);
    }

    /** Marks a vote as closed; the last one of an epoch lets its checkpoints go. */
    void closed(Records.Tally t) {
        Integer n = openEpochs.get(t.opensAt());
        if (n == null) {
            return;
        }
        if (n == 1) {
            openEpochs.remove(t.opensAt());
            records.put(GovernanceKeys.prune(t.opensAt()), new byte[] {1});
        } else {
            openEpochs.put(t.opensAt(), n - 1);
        }
    }

    /**
     * The weight a voter's ballot counts in {@code tally} now (G2): min(the balance when the vote
     * opened, the balance now), and that opening balance.
     */
    long[] weightNow(Records.Tally tally, Address voter) {
        long now = balance(voter);
        long atOpen = checkpoint(tally.opensAt(), voter).orElse(now);
        return new long[] {atOpen, LiveWeight.of(atOpen, now)};
    }

    /**
     * Casts (or replaces) {@code voter}'s ballot in the open vote {@code vote} (G2): the old
     * ballot's weight leaves the totals, the new one's enters.
     */
    void cast(VoteId vote, Address voter, List<BallotSplit.Share> shares, int choice) {
        Records.Tally tally = tally(vote).orElseThrow();
        RecordKey key = GovernanceKeys.ballot(vote, voter);
        Optional<Records.Ballot> old = ballot(vote, voter);
        if (old.isPresent()) {
            tally = allocate(vote, tally, old.get(), -1);
        }
        long[] w = weightNow(tally, voter);
        Records.Ballot b = new Records.Ballot(shares, choice, w[0], w[1], height());
        tally = allocate(vote, tally, b, +1);
        records.put(key, b.encode());
        records.put(GovernanceKeys.tally(vote), tally.encode());
        watch(voter, key);
        if (vote.kind() == VoteId.SUPPORT) {
            supportTouched.add(vote);
        }
    }

    /** Withdraws {@code voter}'s ballot from {@code vote} (G2); its record goes, its weight leaves the totals. */
    void withdraw(VoteId vote, Address voter) {
        Records.Ballot old = ballot(vote, voter).orElseThrow();
        Records.Tally tally = allocate(vote, tally(vote).orElseThrow(), old, -1);
        records.remove(GovernanceKeys.ballot(vote, voter));
        records.put(GovernanceKeys.tally(vote), tally.encode());
    }

    /** Adds ({@code sign} +1) or removes (-1) a ballot's weight: to candidacies in an election, to an option otherwise. */
    private Records.Tally allocate(VoteId vote, Records.Tally tally, Records.Ballot b, int sign) {
        int voterChange = sign;
        if (vote.kind() == VoteId.ELECTION) {
            long n = vote.electionNumber();
            long[] votes = new BallotSplit(b.shares()).votes(b.weight());
            for (int i = 0; i < votes.length; i++) {
                Address cand = b.shares().get(i).candidate();
                RecordKey ck = GovernanceKeys.candidacy(n, cand);
                Records.Candidacy c = candidacy(n, cand).orElseThrow();
                records.put(
                        ck,
                        c.withVotes(Math.addExact(c.votes(), sign * votes[i])).encode());
            }
            return tally.add(-1, b.weight(), sign, voterChange);
        }
        int option = vote.kind() == VoteId.SUPPORT ? 0 : b.choice();
        return tally.add(option, b.weight(), sign, voterChange);
    }

    /**
     * The ledger's hook (L2 → G2, G8): keeps the checkpoints of every open epoch, re-caps the
     * weight of the owner's ballots in open votes, and takes away a seat or candidacy whose holder
     * fell below the minimum, in this very block.
     */
    @Override
    public void balanceChanged(Address owner, AssetId asset, long before, long after) {
        if (!asset.equals(AssetId.CAS)) {
            return;
        }
        payouts.observe(owner, before, after);
        for (Long epoch : openEpochs.keySet()) {
            RecordKey ck = GovernanceKeys.checkpoint(epoch, owner);
            if (!records.contains(ck)) {
                records.put(ck, Records.encodeBalance(before));
            }
        }
        Set<RecordKey> keys = base.watchedBy(owner);
        Set<RecordKey> here = watchedHere.getOrDefault(owner, Set.of());
        if (keys.isEmpty() && here.isEmpty()) {
            return;
        }
        Set<RecordKey> all = new LinkedHashSet<>(keys);
        all.addAll(here);
        for (RecordKey k : all) {
            switch (k.type()) {
                case GovernanceKeys.BALLOT -> recap(k, owner, after);
                case GovernanceKeys.SEAT, GovernanceKeys.CANDIDACY -> standingTouched.add(owner);
                default -> {}
            }
        }
    }

    private void recap(RecordKey key, Address voter, long after) {
        Optional<byte[]> raw = records.get(key);
        if (raw.isEmpty()) {
            return;
        }
        VoteId vote = GovernanceKeys.voteOf(key);
        Records.Tally tally = tally(vote).orElseThrow();
        if (!tally.open()) {
            return;
        }
        Records.Ballot b = Records.Ballot.decode(raw.get());
        long w = LiveWeight.of(b.balanceAtOpen(), after);
        if (w == b.weight()) {
            return;
        }
        tally = allocate(vote, tally, b, -1);
        Records.Ballot nb = b.withWeight(w);
        tally = allocate(vote, tally, nb, +1);
        records.put(key, nb.encode());
        records.put(GovernanceKeys.tally(vote), tally.encode());
        if (vote.kind() == VoteId.SUPPORT) {
            supportTouched.add(vote);
        }
    }

    /**
     * G4, G8: after each transaction, a member or candidate whose balance it left below the
     * minimum loses the seat or candidacy, in this block. Judged on the transaction's end balance,
     * not on the moment between spending an output and creating its change.
     */
    public void transactionDone() {
        if (standingTouched.isEmpty()) {
            return;
        }
        for (Address owner : standingTouched) {
            long now = balance(owner);
            Set<RecordKey> all = new LinkedHashSet<>(base.watchedBy(owner));
            all.addAll(watchedHere.getOrDefault(owner, Set.of()));
            for (RecordKey k : all) {
                if (k.type() == GovernanceKeys.SEAT) {
                    loseSeat(k, now);
                } else if (k.type() == GovernanceKeys.CANDIDACY) {
                    loseCandidacy(k, now);
                }
            }
        }
        standingTouched.clear();
    }

    private void loseSeat(RecordKey key, long after) {
        Optional<Records.Seat> s = records.get(key).map(Records.Seat::decode);
        if (s.isPresent() && s.get().seated() && !params.qualifies(after)) {
            records.put(key, s.get().with(Records.Standing.LOST, height()).encode());
            seatLost = true;
        }
    }

    private void loseCandidacy(RecordKey key, long after) {
        Optional<Records.Candidacy> c = records.get(key).map(Records.Candidacy::decode);
        if (c.isPresent() && c.get().standing() == Records.Standing.ACTIVE && !params.qualifies(after)) {
            records.put(
                    key, c.get().withStanding(Records.Standing.LOST, height()).encode());
        }
    }

    /** Seats {@code member} (G3, G9) and watches its balance (G8). */
    void seat(Address member, Records.Seat seat) {
        RecordKey k = GovernanceKeys.seat(member);
        records.put(k, seat.encode());
        watch(member, k);
    }
}
