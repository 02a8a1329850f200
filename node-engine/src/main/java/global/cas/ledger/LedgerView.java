package global.cas.ledger;

import global.cas.crypto.Address;
import java.util.Optional;

/** Read access to unspent outputs and balances. Implementations state their thread-safety. */
public interface LedgerView {
    Optional<UnspentOutput> unspent(OutputRef ref);

    /** The sum of the address's unspent outputs of this asset (L2); zero when it holds none. */
    long balance(Address owner, AssetId asset);
}
