package global.cas.mining;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.MiningProof;
import global.cas.ledger.Transaction;
import global.cas.node.query.MiningWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CpuMinerTest {
    private static final Address MINER = Address.of(new byte[20]);
    /** One hash in 16 passes. */
    private static final long EASY = 0x1000_0000_0000_0000L;

    private static MiningWork work(String previous, long target) {
        return new MiningWork("cas-test-1", 7, Hash.sha256(previous.getBytes(StandardCharsets.UTF_8)), target, 10);
    }

    @Test
    void S5_searchFindsANonceWhoseWorkHashIsBelowAnEasyTarget() {
        MiningWork w = work("block 6", EASY);
        OptionalLong nonce = CpuMiner.search(w, MINER, 0, 10_000);
        assertThat(nonce).isPresent();
        assertThat(MiningProof.meets(MiningProof.workHash(w.previousBlock(), MINER, nonce.getAsLong()), EASY))
                .isTrue();
        for (long n = 0; n < nonce.getAsLong(); n++) {
            assertThat(MiningProof.meets(MiningProof.workHash(w.previousBlock(), MINER, n), EASY))
                    .isFalse();
        }
    }

    @Test
    void S5_searchGivesUpAtAnImpossibleTarget() {
        assertThat(CpuMiner.search(work("block 6", 0), MINER, 0, 1000)).isEmpty();
    }

    @Test
    void S5_theThreadsFindOneProofPerPieceOfWorkAndFollowNewWork() throws InterruptedException {
        try (CpuMiner miner = new CpuMiner(2, MINER)) {
            assertThat(miner.nextProof(Duration.ofMillis(50))).isEmpty();
            MiningWork first = work("block 6", EASY);
            miner.setWork(first);
            Transaction p = miner.nextProof(Duration.ofSeconds(10)).orElseThrow();
            MiningProof proof = (MiningProof) p.action();
            assertThat(proof.previousBlock()).isEqualTo(first.previousBlock());
            assertThat(p.expiryHeight()).isEqualTo(first.height());
            assertThat(p.chainId()).isEqualTo(first.chainId());
            assertThat(proof.miner()).isEqualTo(MINER);
            assertThat(MiningProof.meets(proof.workHash(), EASY)).isTrue();
            assertThat(p.fee())
                    .as("S6: the proof pays the minimum fee")
                    .isEqualTo(first.proofFee())
                    .isPositive();
            miner.setWork(first);
            assertThat(miner.nextProof(Duration.ofMillis(200)))
                    .as("a block takes one proof")
                    .isEmpty();

            MiningWork second = new MiningWork("cas-test-1", 8, Hash.sha256(new byte[] {8}), EASY, 10);
            miner.setWork(second);
            Optional<Transaction> next = miner.nextProof(Duration.ofSeconds(10));
            assertThat(next).isPresent();
            assertThat(next.get().expiryHeight()).isEqualTo(8);
            assertThat(miner.hashes()).isPositive();
        }
    }
}
