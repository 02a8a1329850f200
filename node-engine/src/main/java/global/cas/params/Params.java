package global.cas.params;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;

/**
 * One version of the changeable parameters: the minimum fee per byte (S6), the reward halving
 * interval in blocks (S4), the largest number of transactions in a block and the governance values
 * (sections 5–7). Immutable.
 */
public record Params(long minFeePerByte, long halvingInterval, int maxBlockTransactions, GovernanceParams governance) {
    private static final byte[] DOMAIN = "CAS params".getBytes(StandardCharsets.US_ASCII);

    public Params {
        if (minFeePerByte < 0) {
            throw new IllegalArgumentException("the minimum fee per byte must not be negative");
        }
        if (halvingInterval <= 0) {
            throw new IllegalArgumentException("the halving interval must be positive");
        }
        if (maxBlockTransactions <= 0) {
            throw new IllegalArgumentException("a block must be allowed at least one transaction");
        }
    }

    /** These values with PROTOCOL.md's governance values. */
    public Params(long minFeePerByte, long halvingInterval, int maxBlockTransactions) {
        this(minFeePerByte, halvingInterval, maxBlockTransactions, GovernanceParams.defaults());
    }

    /**
     * These parameters with {@code changes} (name to new value) applied: the names a {@code
     * parameter} proposal may change (G31). Every resulting value is checked as at genesis.
     *
     * @throws global.cas.rejection.RejectedException {@code MALFORMED} for an unknown name or a
     *     value that makes no sense
     */
    public Params changed(java.util.Map<String, Long> changes) {
        java.util.Map<String, Long> c = new java.util.HashMap<>(changes);
        GovernanceParams g = governance;
        long fee = take(c, "minFeePerByte", minFeePerByte);
        long max = take(c, "maxBlockTransactions", maxBlockTransactions);
        GovernanceParams ng = new GovernanceParams(
                take(c, "candidacyMinimum", g.candidacyMinimum()),
                take(c, "electionThreshold", g.electionThreshold()),
                intValue(take(c, "minSeats", g.minSeats())),
                take(c, "responseSupport", g.responseSupport()),
                intValue(take(c, "responseWindowDays", g.responseWindowDays())),
                take(c, "referendumSupport", g.referendumSupport()),
                take(c, "referendumQuorum", g.referendumQuorum()),
                take(c, "committeeRulesQuorum", g.committeeRulesQuorum()),
                intValue(take(c, "referendumMinDays", g.referendumMinDays())),
                intValue(take(c, "referendumMaxDays", g.referendumMaxDays())),
                g.epochMillis(),
                g.dayMillis(),
                intValue(take(c, "electionIntervalDays", g.electionIntervalDays())),
                intValue(take(c, "nominationDays", g.nominationDays())),
                intValue(take(c, "votingDays", g.votingDays())),
                take(c, "proposalFee", g.proposalFee()),
                take(c, "parameterDelayBlocks", g.parameterDelayBlocks()),
                intValue(take(c, "payoutDays", g.payoutDays())));
        if (!c.isEmpty()) {
            throw new global.cas.rejection.RejectedException(
                    global.cas.rejection.Reason.MALFORMED,
                    "No parameter named " + c.keySet().iterator().next() + " may be changed (G31).");
        }
        if (max <= 0 || max > MAX_BLOCK_TRANSACTIONS) {
            throw new global.cas.rejection.RejectedException(
                    global.cas.rejection.Reason.MALFORMED,
                    "A block holds from 1 to " + MAX_BLOCK_TRANSACTIONS + " transactions.");
        }
        return new Params(fee, halvingInterval, (int) max, ng);
    }

    /** The most transactions a parameter change may let a block hold. */
    public static final int MAX_BLOCK_TRANSACTIONS = 1_000_000;

    private static long take(java.util.Map<String, Long> c, String name, long current) {
        Long v = c.remove(name);
        return v == null ? current : v;
    }

    private static int intValue(long v) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new global.cas.rejection.RejectedException(
                    global.cas.rejection.Reason.MALFORMED, "The value " + v + " is out of range.");
        }
        return (int) v;
    }

    public void encode(Encoder e) {
        e.u64(minFeePerByte).u64(halvingInterval).u32(maxBlockTransactions);
        governance.encode(e);
    }

    public static Params decode(Decoder d) {
        return new Params(d.u64(), d.u64(), d.u32(), GovernanceParams.decode(d));
    }

    /** SHA-256 of the canonical encoding: the header's parameters hash. */
    public Hash hash() {
        Encoder e = new Encoder(160);
        encode(e);
        return Hash.sha256(DOMAIN, e.toBytes());
    }
}
