package global.cas.governance;

import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import java.math.BigInteger;
import java.util.Optional;

/** The records of the committee reserve (G20, G22): its spends and its payout state. */
public final class ReserveRecords {
    private ReserveRecords() {}

    /**
     * A reserve spend a member asked for (G20): its purpose, payee, amount and memo, when it was
     * asked, and once more than half of all seated members approved it, when it was paid.
     */
    public record Spend(
            Address proposer,
            int purpose,
            Address recipient,
            long amount,
            String memo,
            Optional<Hash> issuance,
            long askedHeight,
            long askedTime,
            boolean paid,
            long paidHeight,
            long paidTime) {
        public Spend paidAt(long height, long time) {
            return new Spend(
                    proposer, purpose, recipient, amount, memo, issuance, askedHeight, askedTime, true, height, time);
        }

        public byte[] encode() {
            Encoder e = new Encoder(128)
                    .address(proposer)
                    .u8(purpose)
                    .address(recipient)
                    .u64(amount)
                    .string(memo)
                    .u8(issuance.isPresent() ? 1 : 0);
            issuance.ifPresent(e::hash);
            return e.u64(askedHeight)
                    .u64(askedTime)
                    .u8(paid ? 1 : 0)
                    .u64(paidHeight)
                    .u64(paidTime)
                    .toBytes();
        }

        public static Spend decode(byte[] b) {
            return Records.decode(b, d -> {
                Address proposer = d.address();
                int purpose = d.u8();
                Address to = d.address();
                long amount = d.u64();
                String memo = d.string(global.cas.ledger.ReserveSpend.MAX_MEMO);
                Optional<Hash> issuance = d.u8() == 1 ? Optional.of(d.hash()) : Optional.empty();
                return new Spend(
                        proposer, purpose, to, amount, memo, issuance, d.u64(), d.u64(), d.u8() == 1, d.u64(), d.u64());
            });
        }
    }

    /**
     * The reserve's payout state (G22, G23). {@code index} is the CAS paid per coin held by every
     * other holder so far, times {@link #SCALE}; {@code eligible} the CAS those holders hold now
     * (every balance but the reserve's and module accounts'), kept in step by the balance hook;
     * {@code excessSince} the block time the reserve first stood above its cap (0: it does not);
     * {@code distributed} the CAS moved out of the reserve for payouts, in {@code distributions}
     * distributions, and {@code credited} the CAS credited to holders so far.
     */
    public record Payout(
            BigInteger index, long eligible, long excessSince, long distributed, long distributions, long credited) {
        public static final BigInteger SCALE = BigInteger.TEN.pow(24);

        public static Payout genesis(long eligible) {
            return new Payout(BigInteger.ZERO, eligible, 0, 0, 0, 0);
        }

        public byte[] encode() {
            return new Encoder(80)
                    .bytes(index.toByteArray())
                    .u64(eligible)
                    .u64(excessSince)
                    .u64(distributed)
                    .u64(distributions)
                    .u64(credited)
                    .toBytes();
        }

        public static Payout decode(byte[] b) {
            return Records.decode(
                    b, d -> new Payout(new BigInteger(d.bytes(64)), d.u64(), d.u64(), d.u64(), d.u64(), d.u64()));
        }

        /** What a holder of {@code balance} since index {@code last} is owed now: rounded down. */
        public long owed(long balance, BigInteger last) {
            if (balance <= 0 || index.compareTo(last) <= 0) {
                return 0;
            }
            return BigInteger.valueOf(balance)
                    .multiply(index.subtract(last))
                    .divide(SCALE)
                    .longValueExact();
        }
    }

    static BigInteger decodeIndex(byte[] b) {
        return Records.decode(b, d -> new BigInteger(d.bytes(64)));
    }

    static byte[] encodeIndex(BigInteger index) {
        return new Encoder(40).bytes(index.toByteArray()).toBytes();
    }
}
