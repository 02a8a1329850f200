package global.cas.ledger;

import global.cas.crypto.Address;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and applies each transaction kind. {@link #checkStateless} (including signatures) needs
 * no state and may run on many threads; {@link #checkStateful} reads the ledger without changing
 * it; {@link #apply} is called only after both passed and cannot fail. Thread-safe (immutable).
 */
public final class TransactionRules {
    private final String chainId;
    private final long minFeePerByte;

    public TransactionRules(String chainId, long minFeePerByte) {
        this.chainId = chainId;
        this.minFeePerByte = minFeePerByte;
    }

    public String chainId() {
        return chainId;
    }

    public long minFeePerByte() {
        return minFeePerByte;
    }

    /** The smallest fee a transaction of {@code size} bytes may pay (S6). */
    public long minimumFee(int size) {
        return Amounts.multiply(minFeePerByte, size);
    }

    /** Checks that need no ledger state: size (U3), chain id (L4), amounts (U1), fee (S6), signatures. */
    public void checkStateless(Transaction tx) {
        if (tx.size() > Transaction.MAX_BYTES) {
            // Transaction.decode refuses these, but a block's transactions are read without that check
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "A transaction may have at most " + Transaction.MAX_BYTES + " bytes, this one has " + tx.size()
                            + ".");
        }
        if (!tx.chainId().equals(chainId)) {
            throw new RejectedException(
                    Reason.WRONG_CHAIN,
                    "The transaction is for chain '" + tx.chainId() + "', this node runs '" + chainId + "'.");
        }
        switch (tx) {
            case Transfer t -> checkTransfer(t);
            case MiningProof p -> {
                // the work is checked against the block's target in checkStateful
            }
        }
    }

    private void checkTransfer(Transfer t) {
        if (t.inputs().isEmpty() || t.outputs().isEmpty()) {
            throw new RejectedException(Reason.MALFORMED, "A transfer needs at least one input and one output.");
        }
        long sum = 0;
        for (TxOutput o : t.outputs()) {
            if (o.amount() <= 0) {
                throw new RejectedException(
                        Reason.NON_POSITIVE_AMOUNT, "Every output amount must be greater than zero.");
            }
            sum = Amounts.add(sum, o.amount());
        }
        if (t.fee() < 0) {
            throw new RejectedException(Reason.NON_POSITIVE_AMOUNT, "The fee must not be negative.");
        }
        Amounts.add(sum, t.fee());
        long min = minimumFee(t.size());
        if (t.fee() < min) {
            throw new RejectedException(
                    Reason.FEE_BELOW_MINIMUM,
                    "The fee " + t.fee() + " is below the minimum " + min + " for " + t.size() + " bytes.");
        }
        Set<OutputRef> seen = new HashSet<>();
        for (OutputRef in : t.inputs()) {
            if (!seen.add(in)) {
                throw new RejectedException(Reason.DOUBLE_SPEND, "The transfer spends output " + in + " twice.");
            }
        }
        Set<Address> signers = new HashSet<>();
        byte[] msg = t.id().bytes();
        for (Witness w : t.witnesses()) {
            if (!signers.add(Address.of(w.key()))) {
                throw new RejectedException(Reason.MALFORMED, "The same key signs the transfer twice.");
            }
            if (!w.key().verify(msg, w.signature())) {
                throw new RejectedException(
                        Reason.BAD_SIGNATURE, "A signature on transfer " + t.id() + " does not verify.");
            }
        }
    }

    /** Checks against the ledger and the block: expiry (L4), inputs (L1), owners' signatures, balance, proof (S5). */
    public void checkStateful(Transaction tx, LedgerView view, BlockScope scope) {
        if (tx.expiryHeight() < scope.height()) {
            throw new RejectedException(
                    Reason.EXPIRED,
                    "The transaction expired at height " + tx.expiryHeight() + "; the next block is " + scope.height()
                            + ".");
        }
        switch (tx) {
            case Transfer t -> checkTransferAgainst(t, view);
            case MiningProof p -> checkProof(p, scope);
        }
    }

    private void checkTransferAgainst(Transfer t, LedgerView view) {
        Set<Address> signers = new HashSet<>();
        for (Witness w : t.witnesses()) {
            signers.add(Address.of(w.key()));
        }
        Set<Address> owners = new HashSet<>();
        Map<AssetId, Long> in = new HashMap<>();
        for (OutputRef ref : t.inputs()) {
            UnspentOutput u = view.unspent(ref)
                    .orElseThrow(() -> view instanceof LedgerOverlay block && block.spentHere(ref)
                            ? new RejectedException(
                                    Reason.DOUBLE_SPEND, "Output " + ref + " is already spent earlier in this block.")
                            : new RejectedException(
                                    Reason.UNKNOWN_OUTPUT, "Output " + ref + " does not exist or is already spent."));
            Address owner = u.output().owner();
            if (!signers.contains(owner)) {
                throw new RejectedException(
                        Reason.MISSING_SIGNATURE, "The owner of output " + ref + " did not sign the transfer.");
            }
            owners.add(owner);
            in.merge(u.output().asset(), u.output().amount(), Amounts::add);
        }
        if (!owners.containsAll(signers)) {
            throw new RejectedException(Reason.MALFORMED, "A key signs the transfer without owning any of its inputs.");
        }
        Map<AssetId, Long> out = new HashMap<>();
        out.put(AssetId.CAS, t.fee());
        for (TxOutput o : t.outputs()) {
            out.merge(o.asset(), o.amount(), Amounts::add);
        }
        Set<AssetId> assets = new HashSet<>(in.keySet());
        assets.addAll(out.keySet());
        for (AssetId a : assets) {
            long i = in.getOrDefault(a, 0L);
            long o = out.getOrDefault(a, 0L);
            if (i != o) {
                throw new RejectedException(
                        Reason.UNBALANCED,
                        "For " + a + " the inputs hold " + i + " but outputs and fee need " + o + ".");
            }
        }
    }

    private void checkProof(MiningProof p, BlockScope scope) {
        if (p.expiryHeight() != scope.height() || !p.previousBlock().equals(scope.previousBlock())) {
            throw new RejectedException(
                    Reason.STALE_PROOF,
                    "The proof is for the block after " + p.previousBlock() + ", not for block " + scope.height()
                            + ".");
        }
        if (!MiningProof.meets(p.workHash(), scope.target())) {
            throw new RejectedException(Reason.PROOF_ABOVE_TARGET, "The proof's hash is not below the target.");
        }
        if (scope.miner().isPresent()) {
            throw new RejectedException(Reason.DUPLICATE_PROOF, "This block already rewards a miner.");
        }
    }

    /** Applies a transaction that passed both checks at position {@code txIndex} of block {@code scope}. */
    public void apply(Transaction tx, int txIndex, LedgerOverlay state, BlockScope scope) {
        switch (tx) {
            case Transfer t -> {
                for (OutputRef ref : t.inputs()) {
                    state.spend(state.unspent(ref).orElseThrow());
                }
                List<TxOutput> outs = t.outputs();
                for (int i = 0; i < outs.size(); i++) {
                    state.create(new UnspentOutput(
                            new OutputRef(t.id(), i),
                            outs.get(i),
                            UnspentOutput.storageId(scope.height(), txIndex, i)));
                }
                scope.addFee(t.fee());
            }
            case MiningProof p -> scope.setMiner(p.miner());
        }
    }
}
