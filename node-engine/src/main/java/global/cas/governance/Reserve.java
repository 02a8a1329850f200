package global.cas.governance;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.records.RecordKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The committee reserve's money (G20, G22, G23): a spend is paid in the block where more than
 * half of all seated members approved it, and the excess above the reserve's cap moves to the
 * payout pool, from which every other holder is credited pro rata when its account is next
 * touched ({@link ReservePayouts}). Not thread-safe: used on the chain thread within one block.
 */
final class Reserve {
    /** G22: the reserve never holds more than its genesis amount, 1/5 of the supply. */
    static final long CAP = Amounts.cas(1_000_000_000L);

    /**
     * The payout pool (G22): a governance contract account, the first 20 bytes of SHA-256("CAS
     * reserve payout pool"); no key signs for it and no transfer pays into it.
     */
    static final Address POOL = Address.of(Arrays.copyOf(
            global.cas.crypto.Hash.sha256("CAS reserve payout pool".getBytes(StandardCharsets.US_ASCII))
                    .bytes(),
            Address.LENGTH));

    /** Names the outputs the module creates: the next one's reference and storage id. */
    @FunctionalInterface
    interface Minter {
        UnspentOutput next(TxOutput output);
    }

    private final GovernanceBlock b;

    Reserve(GovernanceBlock b) {
        this.b = b;
    }

    /** The spend {@code id}'s approvals by members seated now (G20). */
    long approvals(Hash id) {
        java.util.Set<Address> seated = b.seated();
        long n = 0;
        for (RecordKey k : b.keys(GovernanceKeys.spendApprovals(id), Transitions.MAX_CANDIDATES)) {
            if (seated.contains(GovernanceKeys.trailingAddress(k))) {
                n++;
            }
        }
        return n;
    }

    /** G20: pays spend {@code id} once more than half of all members seated now approved it. */
    void payIfApproved(Hash id, Minter minter) {
        ReserveRecords.Spend s = b.reserveSpend(id).orElseThrow();
        if (s.paid() || !CommitteeDecision.majority(approvals(id), b.seated().size())) {
            return;
        }
        move(b.writableLedger(), b.reserve(), s.recipient(), s.amount(), minter);
        b.put(GovernanceKeys.reserveSpend(id), s.paidAt(b.height(), b.time()).encode());
    }

    /**
     * Moves {@code amount} CAS from {@code from} to {@code to}: spends {@code from}'s oldest CAS
     * outputs until they cover it, pays {@code to} and returns the change to {@code from}.
     */
    static void move(LedgerOverlay ledger, Address from, Address to, long amount, Minter minter) {
        List<UnspentOutput> spend = new ArrayList<>();
        long sum = 0;
        for (UnspentOutput u : ledger.unspentOf(from)) {
            if (sum >= amount) {
                break;
            }
            if (u.output().asset().isCas()) {
                spend.add(u);
                sum = Amounts.add(sum, u.output().amount());
            }
        }
        if (sum < amount) {
            throw new IllegalStateException(from + " holds " + sum + ", less than the " + amount + " checked before");
        }
        for (UnspentOutput u : spend) {
            ledger.spend(u);
        }
        ledger.create(minter.next(new TxOutput(to, AssetId.CAS, amount)));
        if (sum > amount) {
            ledger.create(minter.next(new TxOutput(from, AssetId.CAS, sum - amount)));
        }
    }

    /** Outputs named after a transaction's own: (its id, after its outputs), in its storage slot. */
    static Minter afterTransaction(Hash txId, long height, int txIndex, int firstOut) {
        int[] next = {firstOut};
        return o -> {
            int i = next[0]++;
            return new UnspentOutput(new OutputRef(txId, i), o, UnspentOutput.storageId(height, txIndex, i));
        };
    }

    /**
     * Outputs of the block's end-of-block governance work: named (H("CAS governance outputs",
     * height), n), stored in the transaction slots just below the reward slot, 1,024 per slot.
     */
    static Minter endOfBlock(long height) {
        Hash id = Hash.sha256(
                "CAS governance outputs".getBytes(StandardCharsets.US_ASCII),
                java.nio.ByteBuffer.allocate(8).putLong(height).array());
        int[] next = {0};
        return o -> {
            int n = next[0]++;
            return new UnspentOutput(
                    new OutputRef(id, n),
                    o,
                    UnspentOutput.storageId(height, UnspentOutput.REWARD_SLOT - 1 - (n >>> 10), n & 1023));
        };
    }
}
