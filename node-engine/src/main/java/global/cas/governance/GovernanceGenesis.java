package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.ledger.BlockContext;
import global.cas.params.GovernanceParams;
import java.util.List;

/**
 * The governance state genesis creates (G9): the transitional committee seated, the reserve's
 * payout state with every genesis allocation as the eligible supply (G22), and the first election
 * scheduled to close one election interval after genesis, so within 12 months by the
 * protocol's values. Thread-safe (stateless).
 */
public final class GovernanceGenesis {
    private GovernanceGenesis() {}

    /** The genesis block's governance work, on an empty state, at {@code context} (height 0). */
    public static GovernanceBlock build(
            BlockContext context, List<Address> transitionalCommittee, Address reserve, long eligibleSupply) {
        GovernanceParams p = context.params().governance();
        GovernanceBlock b = new GovernanceBlock(GovernanceState.empty(), context, p, reserve);
        b.put(GovernanceKeys.meta(), new Records.Meta(1, 0).encode());
        b.put(
                GovernanceKeys.payout(),
                ReserveRecords.Payout.genesis(eligibleSupply).encode());
        for (Address a : transitionalCommittee) {
            b.seat(a, new Records.Seat(Records.SeatKind.TRANSITIONAL, 0, 0, Records.Standing.ACTIVE, 0));
        }
        Transitions.schedule(b, 1, Math.addExact(context.time(), p.daysMillis(p.electionIntervalDays())));
        return b;
    }
}
