package global.cas.ledger;

import global.cas.crypto.Address;
import java.util.Optional;

/** Read access to the ledger's state. Implementations state their thread-safety. */
public interface LedgerView {
    Optional<UnspentOutput> unspent(OutputRef ref);

    /** The sum of the address's unspent outputs of this asset (L2); zero when it holds none. */
    long balance(Address owner, AssetId asset);

    /** The coloured output {@code ref} names (L3), if it is one. */
    Optional<ColouredOutput> coloured(OutputRef ref);

    /** Who may spend an address's outputs: a registered authority or contract, else its key. */
    Owner owner(Address address);

    /** The address's unspent outputs, oldest first (the committee reserve's and module accounts' spends). */
    java.util.List<UnspentOutput> unspentOf(Address owner);

    /**
     * The committed balances as an authenticated tree ({@link BalanceTree}), its root computed;
     * callers fork it before changing anything.
     */
    global.cas.statetree.StateTree balanceTree();
}
