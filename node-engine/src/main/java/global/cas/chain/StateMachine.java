package global.cas.chain;

import global.cas.crypto.DecodedKeys;
import global.cas.governance.GovernanceBlock;
import global.cas.governance.GovernanceState;
import global.cas.ledger.BalanceTree;
import global.cas.ledger.BlockContext;
import global.cas.ledger.BlockScope;
import global.cas.ledger.EnvelopeRules;
import global.cas.ledger.Issuance;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.LedgerRoot;
import global.cas.ledger.LedgerView;
import global.cas.ledger.MiningHandler;
import global.cas.ledger.Transaction;
import global.cas.ledger.TransferHandler;
import global.cas.params.ParamsSchedule;
import global.cas.records.ModuleChanges;
import global.cas.validators.ValidatorSchedule;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain as one deterministic state machine with a block lifecycle: {@link #begin} with the
 * block's context, {@link Execution#deliver} for each transaction (the envelope's rules, then the
 * owning module's through {@link ActionDispatch}), {@link Execution#end} for the rewards and target
 * (S4, S5) and every module's end-of-block work, giving each module's changes and roots; evidence
 * of double signs ({@link Execution#record}, C4) is checked and recorded beside the transactions. Nothing
 * here writes to storage or changes committed state. Thread-safe (immutable); an {@link Execution}
 * belongs to one thread.
 */
public final class StateMachine {
    private final ChainParams genesis;
    private final EnvelopeRules envelope;
    private final Issuance issuance;
    private final ActionDispatch dispatch;
    private final VerifiedSignatures verified;
    private final EvidenceRules evidenceRules;

    public StateMachine(ChainParams genesis) {
        this(genesis, new VerifiedSignatures(DEFAULT_VERIFIED_CAPACITY));
    }

    /** The number of transactions whose verified signatures a node remembers by default. */
    public static final int DEFAULT_VERIFIED_CAPACITY = 400_000;

    /** The number of decoded public keys a node keeps by default (some 200 bytes each). */
    public static final int DEFAULT_DECODED_KEYS = 100_000;

    /** A state machine that remembers verified signatures in {@code verified}. */
    public StateMachine(ChainParams genesis, VerifiedSignatures verified) {
        this.genesis = genesis;
        this.verified = verified;
        this.envelope = new EnvelopeRules(genesis.chainId(), new DecodedKeys(DEFAULT_DECODED_KEYS));
        this.issuance = new Issuance(genesis.chainId(), genesis.initialBlockReward(), genesis.minerShareBasisPoints());
        this.dispatch = new ActionDispatch(
                new TransferHandler(), new MiningHandler(issuance), new global.cas.governance.GovernanceHandler());
        this.evidenceRules = new EvidenceRules(genesis.chainId());
    }

    public ChainParams genesis() {
        return genesis;
    }

    public String chainId() {
        return genesis.chainId();
    }

    public Issuance issuance() {
        return issuance;
    }

    /**
     * Checks that need no state, signatures included; any thread. Signatures this node already
     * verified for the same encoding ({@link VerifiedSignatures}) are not verified again.
     */
    public void checkStateless(Transaction tx) {
        envelope.checkShape(tx);
        dispatch.bind(tx).checkStateless(tx);
        if (tx.witnesses().isEmpty()) {
            return;
        }
        var key = VerifiedSignatures.keyOf(tx);
        if (!verified.contains(key)) {
            envelope.verifyWitnesses(tx);
            verified.add(key);
        }
    }

    /** How many transactions' verified signatures are remembered. */
    public int verifiedSignatures() {
        return verified.size();
    }

    /**
     * Checks {@code tx} against {@code view} and the committed {@code governance} state for the
     * block {@code scope}, changing nothing (mempool admission). A governance action is checked
     * against the governance state as the next block would begin it (its windows opened and closed
     * at the scope's time); the state itself is not changed.
     */
    public void checkStateful(Transaction tx, LedgerView view, GovernanceState governance, BlockScope scope) {
        ActionDispatch.Bound b = dispatch.bind(tx);
        envelope.check(tx, tx.action().kindName(), b.terms(tx), view, scope);
        b.check(
                tx,
                view,
                () -> {
                    GovernanceBlock g = new GovernanceBlock(
                            governance, scope.context(), governanceParams(scope.context()), genesis.committeeReserve());
                    g.begin(view);
                    return g;
                },
                scope);
    }

    /**
     * {@link #checkStateful(Transaction, LedgerView, GovernanceState, BlockScope)} on a chain with no
     * governance state: for the ledger's own kinds (tools and tests); a governance action is refused.
     */
    public void checkStateful(Transaction tx, LedgerView view, BlockScope scope) {
        if (!dispatch.bind(tx).ledgerOnly()) {
            throw new global.cas.rejection.RejectedException(
                    global.cas.rejection.Reason.INTERNAL_ERROR,
                    "A governance action is checked against the governance state.");
        }
        checkStateful(tx, view, GovernanceState.empty(), scope);
    }

    /**
     * Applies a transaction of the ledger's own kinds that passed {@link #checkStateful} against
     * {@code overlay} and {@code scope}, as the block's transaction {@code index}; cannot fail
     * (tools and tests; a block applies every kind through {@link Execution#deliver}).
     */
    public void apply(Transaction tx, int index, LedgerOverlay overlay, BlockScope scope) {
        if (!dispatch.bind(tx).ledgerOnly()) {
            throw new IllegalArgumentException("a governance action is applied within a block's execution");
        }
        ActionDispatch.Bound b = dispatch.bind(tx);
        envelope.apply(tx, index, overlay, scope);
        b.apply(tx, index, overlay, null, scope);
    }

    private static global.cas.params.GovernanceParams governanceParams(BlockContext ctx) {
        return ctx.params().governance();
    }

    /** The scope a transaction is checked against for the block after {@code state}'s tip. */
    public BlockScope nextScope(ChainState state, long time, global.cas.crypto.Address proposer) {
        return new BlockScope(
                context(state, time, proposer),
                state.tip().target(),
                state.tip().frozenRemaining());
    }

    /** The context of the block after {@code state}'s tip: validators and parameters in force there. */
    public BlockContext context(ChainState state, long time, global.cas.crypto.Address proposer) {
        long height = state.tip().height() + 1;
        return new BlockContext(
                height,
                time,
                proposer,
                state.tip().hash(),
                state.validators().at(height),
                state.params().at(height));
    }

    /** Begins executing the block of {@code context} on {@code state}. */
    public Execution begin(BlockContext context, ChainState state) {
        return new Execution(context, state);
    }

    /** What a block's execution produced: every module's changes, roots and the ledger variables. */
    public record Result(
            global.cas.ledger.LedgerDelta delta,
            ParamsSchedule params,
            ValidatorSchedule validators,
            ModuleRoots roots,
            long target,
            long frozenRemaining,
            global.cas.statetree.StateTree balances,
            RecordedEvidence evidence,
            ModuleChanges governance,
            global.cas.statetree.StateTree governanceTree) {}

    /** One block being executed. Not thread-safe. */
    public final class Execution {
        private final BlockContext context;
        private final ChainState state;
        private final LedgerOverlay overlay;
        private final GovernanceBlock governance;
        private final BlockScope scope;
        private final List<Transaction> delivered = new ArrayList<>();
        private final List<DoubleSignEvidence> evidence = new ArrayList<>();
        private final java.util.Set<DoubleSignEvidence.Key> evidenceKeys = new java.util.HashSet<>();

        private Execution(BlockContext context, ChainState state) {
            this.context = context;
            this.state = state;
            this.governance = new GovernanceBlock(
                    state.governance(), context, governanceParams(context), genesis.committeeReserve());
            this.overlay = new LedgerOverlay(state.ledger(), governance);
            this.scope =
                    new BlockScope(context, state.tip().target(), state.tip().frozenRemaining());
            governance.begin(overlay);
        }

        public BlockContext context() {
            return context;
        }

        /**
         * Checks and applies {@code tx} as the block's next transaction.
         *
         * @throws global.cas.rejection.RejectedException with nothing applied, when it is invalid here
         */
        public void deliver(Transaction tx) {
            ActionDispatch.Bound b = dispatch.bind(tx);
            envelope.check(tx, tx.action().kindName(), b.terms(tx), overlay, scope);
            b.check(tx, overlay, () -> governance, scope);
            int index = delivered.size();
            envelope.apply(tx, index, overlay, scope);
            b.apply(tx, index, overlay, governance, scope);
            governance.transactionDone();
            delivered.add(tx);
        }

        public List<Transaction> delivered() {
            return List.copyOf(delivered);
        }

        /**
         * Checks {@code e} against the state and the block's evidence so far ({@link EvidenceRules})
         * and records it as the block's next evidence.
         *
         * @throws global.cas.rejection.RejectedException with nothing recorded, when it does not hold
         *     here ({@code BAD_EVIDENCE}, {@code DUPLICATE_EVIDENCE}) or the block holds {@link
         *     DoubleSignEvidence#MAX_PER_BLOCK} already ({@code OVERSIZE})
         */
        public void record(DoubleSignEvidence e) {
            if (evidence.size() >= DoubleSignEvidence.MAX_PER_BLOCK) {
                throw new global.cas.rejection.RejectedException(
                        global.cas.rejection.Reason.OVERSIZE,
                        "A block holds at most " + DoubleSignEvidence.MAX_PER_BLOCK + " pieces of evidence (C4).");
            }
            evidenceRules.check(e, context.height(), state.validators(), state.evidence(), evidenceKeys);
            evidence.add(e);
            evidenceKeys.add(e.key());
        }

        public List<DoubleSignEvidence> evidence() {
            return List.copyOf(evidence);
        }

        /** How many transactions were delivered so far (without copying them). */
        public int deliveredCount() {
            return delivered.size();
        }

        /** Ends the block: rewards and target, then each module's end-of-block work and roots. */
        public Result end() {
            Issuance.Finish f = issuance.end(overlay, scope);
            governance.end();
            ModuleChanges governanceChanges = governance.changes();
            global.cas.statetree.StateTree governanceTree = governance.treeAfter(governanceChanges);
            global.cas.ledger.LedgerDelta delta = overlay.delta();
            ParamsSchedule params = state.params();
            for (GovernanceBlock.ParamsChange c : governance.paramsChanges()) {
                try {
                    params = params.with(c.height(), params.at(c.height()).changed(c.changes()));
                } catch (global.cas.rejection.RejectedException e) {
                    // checked when the referendum closed in this very block: cannot happen
                    throw new IllegalStateException("a passed parameter change no longer applies", e);
                }
            }
            ValidatorSchedule validators = state.validators();
            for (GovernanceBlock.ValidatorChange c : governance.validatorChanges()) {
                try {
                    validators = validators.with(
                            c.height(),
                            global.cas.governance.ValidatorChanges.apply(validators.at(c.height()), c.changes()));
                } catch (global.cas.rejection.RejectedException e) {
                    // checked when the referendum closed in this very block: cannot happen
                    throw new IllegalStateException("a passed validator-set change no longer applies", e);
                }
            }
            global.cas.statetree.StateTree balances =
                    state.ledger().balanceTree().fork();
            BalanceTree.apply(balances, delta.balances());
            RecordedEvidence recorded = state.evidence().after(context.height(), evidence);
            ModuleRoots roots = new ModuleRoots(
                    LedgerRoot.next(state.tip().roots().ledgerChanges(), delta, f.target(), f.frozenRemaining()),
                    balances.root(),
                    params.root(),
                    validators.root(),
                    recorded.root(),
                    governanceTree.root());
            return new Result(
                    delta,
                    params,
                    validators,
                    roots,
                    f.target(),
                    f.frozenRemaining(),
                    balances,
                    recorded,
                    governanceChanges,
                    governanceTree);
        }
    }
}
