package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.params.Params;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.validators.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C4, C6: the genesis block commits to every genesis parameter and to the validator set. */
class GenesisCommitmentTest {
    private final ChainParams p = TestChain.params();

    private ChainParams with(
            long genesisTime, long minFee, long reward, long halving, int minerShare, long target, int maxTxs) {
        return new ChainParams(
                p.chainId(),
                p.network(),
                genesisTime,
                p.blockIntervalMillis(),
                minFee,
                p.supplyCap(),
                reward,
                halving,
                minerShare,
                target,
                maxTxs,
                p.committeeReserve(),
                p.committeeReserveAmount(),
                p.allocations(),
                p.validators(),
                p.transitionalCommittee());
    }

    @Test
    @DisplayName(
            "C4: two genesis files that differ in any parameter or in the validators have different genesis hashes")
    void everyParameterCommitted() {
        List<ChainParams> variants = new ArrayList<>();
        variants.add(p);
        variants.add(with(
                p.genesisTime() + 1,
                p.minFeePerByte(),
                p.initialBlockReward(),
                p.halvingInterval(),
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions()));
        variants.add(with(
                p.genesisTime(),
                p.minFeePerByte() + 1,
                p.initialBlockReward(),
                p.halvingInterval(),
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions()));
        variants.add(with(
                p.genesisTime(),
                p.minFeePerByte(),
                p.initialBlockReward() - 1,
                p.halvingInterval(),
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions()));
        variants.add(with(
                p.genesisTime(),
                p.minFeePerByte(),
                p.initialBlockReward(),
                p.halvingInterval() + 1,
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions()));
        variants.add(with(
                p.genesisTime(),
                p.minFeePerByte(),
                p.initialBlockReward(),
                p.halvingInterval(),
                p.minerShareBasisPoints() - 1,
                p.initialTarget(),
                p.maxBlockTransactions()));
        variants.add(with(
                p.genesisTime(),
                p.minFeePerByte(),
                p.initialBlockReward(),
                p.halvingInterval(),
                p.minerShareBasisPoints(),
                p.initialTarget() - 1,
                p.maxBlockTransactions()));
        variants.add(with(
                p.genesisTime(),
                p.minFeePerByte(),
                p.initialBlockReward(),
                p.halvingInterval(),
                p.minerShareBasisPoints(),
                p.initialTarget(),
                p.maxBlockTransactions() - 1));
        variants.add(
                p.withValidators(List.of(new Validator(TestChain.validator().publicKey(), 2))));
        variants.add(p.withValidators(List.of(
                new Validator(TestChain.validator().publicKey(), 1),
                new Validator(TestKeys.key(50).publicKey(), 1))));
        Set<Hash> hashes = new HashSet<>();
        for (ChainParams v : variants) {
            hashes.add(Genesis.build(v).block().hash());
        }
        assertThat(hashes).hasSize(variants.size());
    }

    @Test
    @DisplayName(
            "C4: the genesis header names the validator set and the parameters in force, and its state root their roots")
    void headerNamesModules() {
        ExecutedBlock g = Genesis.build(p);
        BlockHeader h = g.block().header();
        assertThat(h.validatorsHash()).isEqualTo(p.genesisValidators().hash());
        assertThat(h.nextValidatorsHash()).isEqualTo(p.genesisValidators().hash());
        assertThat(h.paramsHash()).isEqualTo(p.genesisParams().hash());
        assertThat(g.paramsChanged().orElseThrow().at(0)).isEqualTo(p.genesisParams());
        assertThat(g.validatorsChanged().orElseThrow().at(0)).isEqualTo(p.genesisValidators());
        ModuleRoots roots = g.tip().roots();
        assertThat(roots.params()).isEqualTo(g.paramsChanged().orElseThrow().root());
        assertThat(roots.validators())
                .isEqualTo(g.validatorsChanged().orElseThrow().root());
        assertThat(h.stateRoot()).isEqualTo(roots.stateRoot());
    }

    @Test
    @DisplayName("G31: parameters are versioned by height: a scheduled change applies from its height on, not before")
    void paramsVersioned() {
        var schedule = global.cas.params.ParamsSchedule.genesis(p.genesisParams());
        Params cheaper = new Params(1, p.halvingInterval(), p.maxBlockTransactions());
        var later = schedule.with(100, cheaper);
        assertThat(later.at(99)).isEqualTo(p.genesisParams());
        assertThat(later.at(100)).isEqualTo(cheaper);
        assertThat(later.at(1_000_000)).isEqualTo(cheaper);
        assertThat(later.root()).isNotEqualTo(schedule.root());
        assertThat(global.cas.params.ParamsSchedule.decode(later.encoded())).isEqualTo(later);
        var validators = global.cas.validators.ValidatorSchedule.genesis(p.genesisValidators());
        var next = new global.cas.validators.ValidatorSet(
                List.of(new Validator(TestKeys.key(51).publicKey(), 3)));
        var changed = validators.with(50, next);
        assertThat(changed.at(49)).isEqualTo(p.genesisValidators());
        assertThat(changed.at(50)).isEqualTo(next);
        assertThat(global.cas.validators.ValidatorSchedule.decode(changed.encoded()))
                .isEqualTo(changed);
    }
}
