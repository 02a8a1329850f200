package global.cas.ledger;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.Map;

/**
 * The ledger's rules for a {@link MiningProof} (S5): for the next block only, below the target,
 * the first in its block; its fee comes out of the miner's reward, which must cover it. Thread-safe
 * (immutable).
 */
public final class MiningHandler implements ActionHandler<MiningProof> {
    private final Issuance issuance;

    public MiningHandler(Issuance issuance) {
        this.issuance = issuance;
    }

    @Override
    public EnvelopeTerms terms(Transaction tx, MiningProof action) {
        return new EnvelopeTerms(false, tx.fee(), Map.of());
    }

    @Override
    public void check(Transaction tx, MiningProof p, LedgerView view, BlockScope scope) {
        if (tx.expiryHeight() != scope.height() || !p.previousBlock().equals(scope.previousBlock())) {
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
        long reward =
                issuance.payout(scope.context(), scope.frozenRemaining(), true).miner();
        if (tx.fee() > reward) {
            throw new RejectedException(
                    Reason.FEE_ABOVE_REWARD,
                    "The proof's fee " + tx.fee() + " is more than the miner's reward " + reward + " it is paid from.");
        }
    }

    @Override
    public void apply(Transaction tx, MiningProof p, int txIndex, LedgerOverlay overlay, BlockScope scope) {
        scope.setMiner(p.miner(), tx.fee());
    }
}
