package global.cas.chain;

import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerDelta;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state root of C6, kept incrementally: root(h) = SHA-256("CAS state" ‖ root(h-1) ‖ digest of
 * block h's state changes), where the digest covers, in canonical order, every output created and
 * spent, the new value of every balance touched (sorted by address, then asset) and the chain
 * variables. Two nodes whose states ever differ have different roots from then on, and the cost is
 * proportional to the block, not to the whole state. (A Merkle-tree root, for membership proofs to
 * light clients, is a later decision recorded in docs/decisions.)
 */
public final class StateRoot {
    private static final byte[] DOMAIN = "CAS state".getBytes(StandardCharsets.US_ASCII);

    private StateRoot() {}

    public static Hash next(Hash previous, LedgerDelta delta, long target, long frozenRemaining) {
        Encoder e = new Encoder(64
                + delta.created().size() * 80
                + delta.spent().size() * 40
                + delta.balances().size() * 64);
        e.list(delta.created(), (enc, u) -> {
            u.ref().encode(enc);
            u.output().encode(enc);
        });
        e.list(delta.spent(), (enc, u) -> u.ref().encode(enc));
        List<Map.Entry<BalanceKey, Long>> balances =
                new ArrayList<>(delta.balances().entrySet());
        balances.sort((a, b) -> {
            int c = a.getKey().owner().compareTo(b.getKey().owner());
            return c != 0
                    ? c
                    : java.util.Arrays.compareUnsigned(
                            a.getKey().asset().storageKey(), b.getKey().asset().storageKey());
        });
        e.list(balances, (enc, en) -> {
            enc.address(en.getKey().owner());
            en.getKey().asset().encode(enc);
            enc.u64(en.getValue());
        });
        e.u64(target).u64(frozenRemaining);
        return Hash.sha256(DOMAIN, previous.bytes(), Hash.sha256(e.toBytes()).bytes());
    }
}
