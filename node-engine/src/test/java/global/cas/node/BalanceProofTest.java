package global.cas.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.BalanceProof;
import global.cas.chain.BlockHeader;
import global.cas.ledger.AssetId;
import global.cas.statetree.Proof;
import global.cas.testing.TestChain;
import global.cas.testing.TestDataFolder;
import global.cas.testing.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C6, G38: a balance is proven against a block header alone. */
class BalanceProofTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("C6: a balance proof verifies against its block's header and fails for another amount, owner or block")
    void provenByHeader() {
        TestDataFolder.build(dir, 3);
        try (Node node = TestDataFolder.startIdle(dir)) {
            var who = TestChain.funded(2).address();
            BalanceProof p = node.balanceProof(who, AssetId.CAS);
            BlockHeader header = node.block(p.height()).orElseThrow().header();
            assertThat(p.amount()).isEqualTo(node.balance(who, AssetId.CAS)).isPositive();
            assertThat(p.verify(header)).isTrue();
            // a proof survives its encoding
            BalanceProof decoded = new BalanceProof(
                    p.height(),
                    p.owner(),
                    p.asset(),
                    p.amount(),
                    Proof.decode(p.proof().encode()),
                    p.roots());
            assertThat(decoded.verify(header)).isTrue();
            assertThat(new BalanceProof(p.height(), p.owner(), p.asset(), p.amount() + 1, p.proof(), p.roots())
                            .verify(header))
                    .isFalse();
            assertThat(new BalanceProof(
                                    p.height(),
                                    TestChain.funded(3).address(),
                                    p.asset(),
                                    p.amount(),
                                    p.proof(),
                                    p.roots())
                            .verify(header))
                    .isFalse();
            assertThat(p.verify(node.block(p.height() - 1).orElseThrow().header()))
                    .isFalse();
            // an address that holds nothing is proven to hold nothing
            BalanceProof none = node.balanceProof(TestKeys.key(99).address(), AssetId.CAS);
            assertThat(none.amount()).isZero();
            assertThat(none.verify(header)).isTrue();
        }
    }
}
