package global.cas.ledger;

import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The ledger module's root, kept incrementally: root(h) = SHA-256("CAS ledger" ‖ root(h-1) ‖
 * digest of block h's ledger changes), where the digest covers, in canonical order, every output
 * created and spent, the new value of every balance touched (sorted by address, then asset), the
 * coloured outputs made, the owners registered, and the ledger variables (target, frozen
 * remainder). Two nodes whose ledgers ever differ have different roots from then on, at a cost
 * proportional to the block. Thread-safe (stateless).
 */
public final class LedgerRoot {
    private static final byte[] DOMAIN = "CAS ledger".getBytes(StandardCharsets.US_ASCII);

    private LedgerRoot() {}

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
                    : Arrays.compareUnsigned(
                            a.getKey().asset().storageKey(), b.getKey().asset().storageKey());
        });
        e.list(balances, (enc, en) -> {
            enc.address(en.getKey().owner());
            en.getKey().asset().encode(enc);
            enc.u64(en.getValue());
        });
        e.list(delta.coloured(), (enc, c) -> c.encode(enc));
        List<Map.Entry<Address, Owner>> owners = new ArrayList<>(delta.owners().entrySet());
        owners.sort(Map.Entry.comparingByKey());
        e.list(owners, (enc, en) -> Owner.encode(enc, en.getValue()));
        e.u64(target).u64(frozenRemaining);
        return Hash.sha256(DOMAIN, previous.bytes(), Hash.sha256(e.toBytes()).bytes());
    }
}
