package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import java.util.Optional;

/**
 * What a transaction does, beyond paying its fee: one record per kind, each owned by one module.
 * The state machine dispatches a transaction to its module with one exhaustive {@code switch} over
 * this type ({@code global.cas.chain.ActionDispatch}); nothing else looks at the kind.
 *
 * <p>Java keeps a sealed type's permitted records in its own package outside a named module, so
 * every module's action records live here, as data and codec only; their rules, state and
 * handlers live in the module's package. A new kind is its record, its tag in {@link #read}, and
 * one line of the dispatch.
 */
public sealed interface Action permits Transfer, MiningProof, GovernanceAction {
    /** The tag that starts the action's encoding in a transaction body. */
    int tag();

    /** A short stable name for logs, the RPC and the UI ("transfer", "mining-proof"). */
    String kindName();

    /** Writes the fields after the tag. */
    void encodeFields(Encoder e);

    /**
     * The mempool's ordering class: higher goes first, then fee per byte. Only work that must be in
     * the very next block (a mining proof) ranks above 0.
     */
    default int priority() {
        return 0;
    }

    /**
     * A slot only one pending transaction may hold at a time (the mining proof of a height); empty
     * for most kinds, whose conflicts are their inputs.
     */
    default Optional<Hash> exclusiveSlot() {
        return Optional.empty();
    }

    static void write(Encoder e, Action a) {
        e.u8(a.tag());
        a.encodeFields(e);
    }

    static Action read(Decoder d) {
        int tag = d.u8();
        return switch (tag) {
            case Transfer.TAG -> Transfer.read(d);
            case MiningProof.TAG -> MiningProof.read(d);
            default -> {
                if (GovernanceAction.owns(tag)) {
                    yield GovernanceAction.read(tag, d);
                }
                throw Decoder.malformed("unknown action tag " + tag);
            }
        };
    }
}
