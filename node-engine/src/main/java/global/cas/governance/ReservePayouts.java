package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.Owner;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * G22, G23 within one block: the reserve's excess above its cap is paid pro rata to every other
 * holder of CAS through a per-coin index, never by a loop over holders. The balance hook keeps
 * the eligible supply (every CAS balance but the reserve's and module accounts') in step and, the
 * first time a holder's balance changes in a block, settles what the index owes it on the
 * balance it held until then; the block's end credits those amounts from the payout pool, then
 * moves a due excess into the pool and raises the index by {@code excess · SCALE / eligible}.
 * Integers only: every credit rounds down, so the pool never pays out more than it received.
 * Not thread-safe: used on the chain thread within one block.
 */
final class ReservePayouts {
    private final GovernanceBlock b;
    private ReserveRecords.Payout state;
    private long eligibleDelta;
    private final Map<Address, Long> owed = new LinkedHashMap<>();
    private final Set<Address> settled = new HashSet<>();

    ReservePayouts(GovernanceBlock b) {
        this.b = b;
    }

    private ReserveRecords.Payout state() {
        if (state == null) {
            state = b.record(GovernanceKeys.payout())
                    .map(ReserveRecords.Payout::decode)
                    .orElse(ReserveRecords.Payout.genesis(0));
        }
        return state;
    }

    private boolean eligible(Address owner) {
        return !owner.equals(b.reserve())
                && !owner.equals(Reserve.POOL)
                && !(b.ledger().owner(owner) instanceof Owner.Contract);
    }

    /** A CAS balance changed from {@code before} to {@code after} (the ledger's hook). */
    void observe(Address owner, long before, long after) {
        if (!eligible(owner)) {
            return;
        }
        eligibleDelta = Math.addExact(eligibleDelta, after - before);
        ReserveRecords.Payout p = state();
        if (p.index().signum() == 0 || !settled.add(owner)) {
            return;
        }
        var key = GovernanceKeys.payoutLast(owner);
        BigInteger last = b.record(key).map(ReserveRecords::decodeIndex).orElse(BigInteger.ZERO);
        if (last.equals(p.index())) {
            return;
        }
        long o = p.owed(before, last);
        b.put(key, ReserveRecords.encodeIndex(p.index()));
        if (o > 0) {
            owed.merge(owner, o, Math::addExact);
        }
    }

    /**
     * The block's end: credits what was settled in it from the pool, then (G22) notes an excess
     * above the cap the first time it appears and distributes it once {@code payoutDays} have
     * passed since, without waiting longer.
     */
    void end(LedgerOverlay ledger, Reserve.Minter minter) {
        ReserveRecords.Payout p = state();
        long credited = 0;
        if (!owed.isEmpty()) {
            long pool = ledger.balance(Reserve.POOL, global.cas.ledger.AssetId.CAS);
            for (Map.Entry<Address, Long> e : owed.entrySet()) {
                long pay = Math.min(e.getValue(), pool - credited);
                if (pay > 0) {
                    Reserve.move(ledger, Reserve.POOL, e.getKey(), pay, minter);
                    credited += pay;
                }
            }
        }
        long eligible = Math.addExact(p.eligible(), eligibleDelta);
        BigInteger index = p.index();
        long since = p.excessSince();
        long distributed = p.distributed();
        long distributions = p.distributions();
        long reserve = b.balance(b.reserve());
        if (reserve <= Reserve.CAP) {
            since = 0;
        } else if (since == 0) {
            since = b.time();
        }
        long due = since == 0
                ? Long.MAX_VALUE
                : Math.addExact(since, b.params().daysMillis(b.params().payoutDays()));
        if (since != 0 && b.time() >= due && eligible > 0) {
            long excess = reserve - Reserve.CAP;
            if (!(ledger.owner(Reserve.POOL) instanceof Owner.Contract)) {
                ledger.register(new Owner.Contract(Reserve.POOL, GovernanceState.MODULE));
            }
            Reserve.move(ledger, b.reserve(), Reserve.POOL, excess, minter);
            index = index.add(BigInteger.valueOf(excess)
                    .multiply(ReserveRecords.Payout.SCALE)
                    .divide(BigInteger.valueOf(eligible)));
            distributed = Math.addExact(distributed, excess);
            distributions++;
            since = 0;
        }
        ReserveRecords.Payout next = new ReserveRecords.Payout(
                index, eligible, since, distributed, distributions, Math.addExact(p.credited(), credited));
        if (!next.equals(p)) {
            b.put(GovernanceKeys.payout(), next.encode());
            state = next;
        }
    }
}
