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
