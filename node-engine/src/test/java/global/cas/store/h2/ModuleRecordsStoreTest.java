package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.governance.GovernanceKeys;
import global.cas.governance.GovernanceState;
import global.cas.governance.VoteId;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.ElectionBallot;
import global.cas.store.ChainDataException;
import global.cas.testing.GovernanceChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record modules' storage (V8): current records, their history, and damage found at open. */
class ModuleRecordsStoreTest {
    @TempDir
    Path dir;

    private long castAt;
    private long weightAtCast;
    private long weightNow;

    @Test
    @DisplayName("G38, G2: a block's governance changes are stored with the block, every version of a ballot is kept,"
            + " and a vote's ballots and checkpoints are read back as they stood at any height")
    void recordsAndHistoryAreStored() throws Exception {
        GovernanceChain chain = new GovernanceChain();
        var first = chain.state().election(1).orElseThrow();
        var voter = TestKeys.key(2);
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ExecutedBlock genesis = Genesis.build(chain.params());
            store.commit(genesis, Commit.genesis(genesis.block().hash()));
            store.moduleRecords(GovernanceState.MODULE);
            java.util.function.Consumer<ExecutedBlock> keep = b -> store.commit(b, TestNode.commitOf(b.block()));
            while (chain.time() < first.nominationStart()) {
                keep.accept(chain.block());
            }
            keep.accept(chain.block(chain.tx(
                    TestKeys.key(1),
                    new CandidacyDeclaration(1, new CandidacyDeclaration.Profile("a", "", "", "", "")))));
            while (chain.time() < first.votingStart()) {
                keep.accept(chain.block());
            }
            var ballot = new ElectionBallot(
                    1, List.of(new ElectionBallot.Share(TestKeys.key(1).address(), 10_000)));
            keep.accept(chain.block(chain.tx(voter, ballot)));
            castAt = chain.height();
            weightAtCast = chain.state()
                    .ballot(VoteId.election(1), voter.address())
                    .orElseThrow()
                    .weight();
            keep.accept(chain.block(
                    chain.pay(voter, TestKeys.key(3).address(), global.cas.ledger.Amounts.cas(40_000_000))));
            weightNow = chain.state()
                    .ballot(VoteId.election(1), voter.address())
                    .orElseThrow()
                    .weight();
        }
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            var records = store.moduleRecords(GovernanceState.MODULE);
            assertThat(records.root()).isEqualTo(chain.state().root());
            assertThat(store.tip().orElseThrow().roots().governance()).isEqualTo(records.root());
            assertThat(store.moduleRecords(GovernanceState.MODULE).root()).isEqualTo(records.root());
            var history = store.recordHistory(
                    GovernanceState.MODULE, GovernanceKeys.ballot(VoteId.election(1), voter.address()));
            assertThat(history).hasSize(2);
            assertThat(history.get(0).height()).isLessThan(history.get(1).height());

            // the ballots of the vote as they stood at any height, from the history alone
            var prefix = GovernanceKeys.ballots(VoteId.election(1));
            assertThat(store.recordsAt(GovernanceState.MODULE, prefix, castAt - 1, java.util.Optional.empty(), 10))
                    .isEmpty();
            var then = store.recordsAt(GovernanceState.MODULE, prefix, castAt, java.util.Optional.empty(), 10);
            assertThat(then).hasSize(1);
            assertThat(global.cas.governance.Records.Ballot.decode(then.get(0).getValue())
                            .weight())
                    .isEqualTo(weightAtCast);
            var now = store.recordsAt(GovernanceState.MODULE, prefix, castAt + 1, java.util.Optional.empty(), 10);
            assertThat(global.cas.governance.Records.Ballot.decode(now.get(0).getValue())
                            .weight())
                    .isEqualTo(weightNow)
                    .isLessThan(weightAtCast);
            // the checkpoint the capped weight came from: the voter's balance when the vote opened
            var opened = chain.state().tally(VoteId.election(1)).orElseThrow().opensAt();
            var checkpoints = store.recordsAt(
                    GovernanceState.MODULE,
                    GovernanceKeys.checkpoints(opened),
                    castAt + 1,
                    java.util.Optional.empty(),
                    100);
            assertThat(checkpoints)
                    .extracting(e -> GovernanceKeys.trailingAddress(e.getKey()))
                    .contains(voter.address());
        }
    }

    @Test
    @DisplayName("A changed governance record no longer gives the tip's state root: the store refuses to open")
    void damagedRecordIsRefused() throws Exception {
        GovernanceChain chain = new GovernanceChain();
        try (H2ChainStore store = H2ChainStore.open(dir)) {
            ExecutedBlock genesis = Genesis.build(chain.params());
            store.commit(genesis, Commit.genesis(genesis.block().hash()));
        }
        String url = "jdbc:h2:file:" + dir.resolve(H2ChainStore.DATABASE_NAME) + ";MAX_COMPACT_TIME=0";
        try (var c = DriverManager.getConnection(url, global.cas.h2.H2Files.USER, "");
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE module_records SET bytes = X'00' WHERE rkey = X'01'");
        }
        assertThatThrownBy(() -> H2ChainStore.open(dir).close()).isInstanceOf(ChainDataException.class);
    }
}
