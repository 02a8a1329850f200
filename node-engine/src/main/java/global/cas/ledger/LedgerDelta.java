package global.cas.ledger;

import global.cas.crypto.Address;
import java.util.List;
import java.util.Map;

/**
 * What one block changes in the ledger, in execution order: outputs created, outputs spent, the
 * new value of every balance it touched, the coloured outputs it made (L3) and the owners it
 * registered or changed (authorities, contracts). Applied to memory and to storage in one step.
 */
public record LedgerDelta(
        List<UnspentOutput> created,
        List<UnspentOutput> spent,
        Map<BalanceKey, Long> balances,
        List<ColouredOutput> coloured,
        Map<Address, Owner> owners) {
    public LedgerDelta {
        created = List.copyOf(created);
        spent = List.copyOf(spent);
        balances = Map.copyOf(balances);
        coloured = List.copyOf(coloured);
        owners = Map.copyOf(owners);
    }

    public LedgerDelta(List<UnspentOutput> created, List<UnspentOutput> spent, Map<BalanceKey, Long> balances) {
        this(created, spent, balances, List.of(), Map.of());
    }
}
