package global.cas.chain;

import global.cas.crypto.Address;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.BalanceTree;
import global.cas.statetree.Proof;
import java.util.Optional;

/**
 * That {@code owner} held {@code amount} of {@code asset} after block {@code height} (zero: held
 * none), checkable against that block's header alone: the balances' tree proof leads to the
 * balances root, which with the other module roots gives the header's state root (C6). What a
 * light wallet, or a voter checking the weight of its ballot (G2, G38), needs. Immutable.
 */
public record BalanceProof(long height, Address owner, AssetId asset, long amount, Proof proof, ModuleRoots roots) {
    /** True when this proves the balance under {@code header}: same height, same state root. */
    public boolean verify(BlockHeader header) {
        if (header.height() != height || !roots.stateRoot().equals(header.stateRoot())) {
            return false;
        }
        BalanceKey k = new BalanceKey(owner, asset);
        Optional<global.cas.crypto.Hash> value =
                amount == 0 ? Optional.empty() : Optional.of(BalanceTree.value(k, amount));
        return amount >= 0 && proof.verify(roots.balances(), BalanceTree.key(k), value);
    }
}
