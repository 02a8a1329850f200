package global.cas.ledger;

import java.util.Map;

/**
 * What an action asks of its envelope: whether it spends inputs (a mining proof spends none), the
 * CAS it brings in besides the inputs (a mining proof's fee, paid from its reward) and the amounts
 * per asset it takes out of the inputs itself (a consumption, an escrow deposit), so that per asset
 * inputs + credit = outputs + fee + consumed (L1).
 */
public record EnvelopeTerms(boolean spendsInputs, long casCredit, Map<AssetId, Long> consumed) {
    public EnvelopeTerms {
        consumed = Map.copyOf(consumed);
    }

    /** A transaction that pays its fee from its inputs and moves nothing else out of them. */
    public static final EnvelopeTerms SPENDS = new EnvelopeTerms(true, 0, Map.of());
}
