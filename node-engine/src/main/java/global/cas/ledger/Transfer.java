package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import java.util.List;

/**
 * Moves CAS (and later tokens) from the envelope's inputs to its outputs, nothing more (L1): the
 * envelope says everything, so the action has no fields. Each distinct owner of an input signs
 * the id with one witness.
 */
public record Transfer() implements Action {
    public static final int TAG = 1;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "transfer";
    }

    @Override
    public void encodeFields(Encoder e) {
        // no fields: the envelope holds the inputs and outputs
    }

    static Transfer read(Decoder d) {
        return new Transfer();
    }

    /** An unsigned transfer of {@code inputs} to {@code outputs} paying {@code fee}. */
    public static Transaction.Unsigned unsigned(
            String chainId, long expiryHeight, List<OutputRef> inputs, List<TxOutput> outputs, long fee) {
        return new Transaction.Unsigned(chainId, expiryHeight, inputs, outputs, fee, new Transfer());
    }
}
