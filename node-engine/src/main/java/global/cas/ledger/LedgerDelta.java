package global.cas.ledger;

import java.util.List;
import java.util.Map;

/**
 * What one block changes in the ledger, in execution order: outputs created, outputs spent and the
 * new value of every balance it touched. Applied to memory and to storage in one step.
 */
public record LedgerDelta(List<UnspentOutput> created, List<UnspentOutput> spent, Map<BalanceKey, Long> balances) {
    public LedgerDelta {
        created = List.copyOf(created);
        spent = List.copyOf(spent);
        balances = Map.copyOf(balances);
    }
}
