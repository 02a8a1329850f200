package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerState;
import global.cas.ledger.RewardSchedule;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S1–S3: the genesis issues exactly what the protocol says and refuses anything else. */
class GenesisTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void invalid(ThrowingCallable call, String mentioning) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining(mentioning);
    }

    private static ChainParams copy(
            ChainParams p,
            long supplyCap,
            long reserve,
            List<ChainParams.Allocation> allocations,
            long reward,
            long halving,
            int minerBp) {
        return new ChainParams(
                p.chainId(),
                p.network(),
                p.genesisTime(),
                p.blockIntervalMillis(),
                p.minFeePerByte(),
                supplyCap,
                reward,
                halving,
                minerBp,
                p.initialTarget(),
                p.maxBlockTransactions(),
                p.committeeReserve(),
                reserve,
                allocations,
                p.validators(),
                p.transitionalCommittee());
    }

    private static ChainParams withReward(long reward, long halving, int minerBp) {
        ChainParams p = TestChain.params();
        return copy(p, p.supplyCap(), p.committeeReserveAmount(), p.allocations(), reward, halving, minerBp);
    }

    @Test
    @DisplayName(
            "S1: the supply cap is 5,000,000,000 CAS; S2: 2,000,000,000 issued, half to the reserve; S3: 3,000,000,000 frozen")
    void constants() {
        assertThat(ChainParams.SUPPLY_CAP).isEqualTo(5_000_000_000L * Amounts.UNITS_PER_CAS);
        assertThat(ChainParams.GENESIS_ISSUE).isEqualTo(2_000_000_000L * Amounts.UNITS_PER_CAS);
        assertThat(ChainParams.RESERVE_AT_GENESIS).isEqualTo(1_000_000_000L * Amounts.UNITS_PER_CAS);
        assertThat(ChainParams.FROZEN).isEqualTo(3_000_000_000L * Amounts.UNITS_PER_CAS);
        assertThat(TestChain.params().frozenAtGenesis()).isEqualTo(ChainParams.FROZEN);
    }

    @Test
    @DisplayName(
            "S2: the test genesis is valid and issues 1,000,000,000 CAS to the reserve and 1,000,000,000 to the sale")
    void testGenesisIsValid() {
        ChainParams p = TestChain.params();
        assertThatCode(() -> Genesis.validate(p)).doesNotThrowAnyException();
        LedgerState s = TestChain.genesisState();
        assertThat(s.balance(Genesis.committeeReserveAddress(), AssetId.CAS)).isEqualTo(ChainParams.RESERVE_AT_GENESIS);
        long sale = 0;
        for (int i = 1; i <= 10; i++) {
            sale += s.balance(TestKeys.key(i).address(), AssetId.CAS);
        }
        assertThat(sale).isEqualTo(ChainParams.GENESIS_ISSUE - ChainParams.RESERVE_AT_GENESIS);
        long all = s.allUnspent().stream().mapToLong(u -> u.output().amount()).sum();
        assertThat(all).isEqualTo(ChainParams.GENESIS_ISSUE);
        assertThat(s.unspentCount()).isEqualTo(11);
    }

    @Test
    @DisplayName("S3: the genesis tip holds 3,000,000,000 CAS frozen; genesis + frozen = cap")
    void frozenAtGenesis() {
        ChainTip tip = Genesis.build(TestChain.params()).tip();
        assertThat(tip.frozenRemaining()).isEqualTo(ChainParams.FROZEN);
        assertThat(tip.height()).isZero();
        assertThat(tip.target()).isEqualTo(TestChain.params().initialTarget());
        assertThat(ChainParams.GENESIS_ISSUE + tip.frozenRemaining()).isEqualTo(ChainParams.SUPPLY_CAP);
    }

    @Test
    @DisplayName("S2: the reserve output comes first, then one output per allocation in file order")
    void outputOrder() {
        LedgerState s = TestChain.genesisState();
        UnspentOutput reserve = TestChain.genesisOutput(s, 0);
        assertThat(reserve.output().owner()).isEqualTo(Genesis.committeeReserveAddress());
        for (int i = 1; i <= 10; i++) {
            assertThat(TestChain.genesisOutput(s, i).output().owner())
                    .isEqualTo(TestKeys.key(i).address());
            assertThat(TestChain.genesisOutput(s, i).output().amount()).isEqualTo(Amounts.cas(100_000_000L));
        }
    }

    @Test
    @DisplayName("S1: a genesis with any other supply cap is refused")
    void wrongCap() {
        ChainParams p = TestChain.params();
        invalid(
                () -> Genesis.validate(
                        copy(p, p.supplyCap() + 1, p.committeeReserveAmount(), p.allocations(), 1, 1, 0)),
                "S1");
        invalid(
                () -> Genesis.validate(
                        copy(p, Amounts.cas(21_000_000), p.committeeReserveAmount(), p.allocations(), 1, 1, 0)),
                "S1");
    }

    @Test
    @DisplayName("S2: a reserve other than 1,000,000,000 CAS is refused")
    void wrongReserve() {
        ChainParams p = TestChain.params();
        invalid(
                () -> Genesis.validate(
                        copy(p, p.supplyCap(), p.committeeReserveAmount() - 1, p.allocations(), 1, 1, 0)),
                "S2");
        invalid(
                () -> Genesis.validate(
                        copy(p, p.supplyCap(), p.committeeReserveAmount() + Amounts.cas(1), p.allocations(), 1, 1, 0)),
                "S2");
    }

    @Test
    @DisplayName("S2: allocations summing to one base unit more or less than 1,000,000,000 CAS are refused")
    void wrongAllocationSum() {
        ChainParams p = TestChain.params();
        List<ChainParams.Allocation> more = new ArrayList<>(p.allocations());
        more.set(0, new ChainParams.Allocation(more.get(0).owner(), more.get(0).amount() + 1));
        List<ChainParams.Allocation> less = new ArrayList<>(p.allocations());
        less.set(0, new ChainParams.Allocation(less.get(0).owner(), less.get(0).amount() - 1));
        List<ChainParams.Allocation> missing = new ArrayList<>(p.allocations().subList(1, 10));
        invalid(() -> Genesis.validate(copy(p, p.supplyCap(), p.committeeReserveAmount(), more, 1, 1, 0)), "S2");
        invalid(() -> Genesis.validate(copy(p, p.supplyCap(), p.committeeReserveAmount(), less, 1, 1, 0)), "S2");
        invalid(() -> Genesis.validate(copy(p, p.supplyCap(), p.committeeReserveAmount(), missing, 1, 1, 0)), "S2");
    }

    @Test
    @DisplayName("S2: a zero or negative allocation is refused even when the sum is right")
    void nonPositiveAllocation() {
        ChainParams p = TestChain.params();
        List<ChainParams.Allocation> a = new ArrayList<>(p.allocations());
        a.set(0, new ChainParams.Allocation(a.get(0).owner(), a.get(0).amount() + 5));
        a.add(new ChainParams.Allocation(TestKeys.key(12).address(), -5));
        invalid(() -> Genesis.validate(copy(p, p.supplyCap(), p.committeeReserveAmount(), a, 1, 1, 0)), "positive");
    }

    @Test
    @DisplayName("S2: allocations whose sum overflows a long are refused, not wrapped")
    void overflowingAllocations() {
        ChainParams p = TestChain.params();
        List<ChainParams.Allocation> a = List.of(
                new ChainParams.Allocation(TestKeys.key(1).address(), Long.MAX_VALUE),
                new ChainParams.Allocation(TestKeys.key(2).address(), Long.MAX_VALUE),
                new ChainParams.Allocation(TestKeys.key(3).address(), Amounts.cas(1_000_000_000L) + 2));
        assertThatThrownBy(() -> Genesis.validate(copy(p, p.supplyCap(), p.committeeReserveAmount(), a, 1, 1, 0)))
                .isInstanceOf(RejectedException.class);
    }

    @Test
    @DisplayName(
            "S3: a reward schedule whose series pays more than the 3,000,000,000 frozen CAS is refused; exactly 3,000,000,000 is fine")
    void rewardSeriesAboveFrozen() {
        // initial r for n blocks per era: the series is n(2r - 1) for r = 2^k; 2^29 base units, halving every n
        long n = 3_000_000_000L * Amounts.UNITS_PER_CAS / ((1L << 30) - 1);
        RewardSchedule fits = new RewardSchedule(1L << 29, n, 5000);
        assertThat(fits.total()).isLessThanOrEqualTo(ChainParams.FROZEN);
        assertThatCode(() -> Genesis.validate(withReward(1L << 29, n, 5000))).doesNotThrowAnyException();
        invalid(() -> Genesis.validate(withReward(1L << 29, n + 1, 5000)), "S3");
        invalid(() -> Genesis.validate(withReward(Amounts.cas(3_000_000_000L), 1, 5000)), "S3");
        invalid(() -> Genesis.validate(withReward(Long.MAX_VALUE, Long.MAX_VALUE, 5000)), "S3");
        assertThatCode(() -> Genesis.validate(withReward(Amounts.cas(1_500_000_000L), 1, 5000)))
                .doesNotThrowAnyException();
        // one base unit a block for exactly FROZEN blocks: the series is exactly 3,000,000,000 CAS
        assertThat(new RewardSchedule(1, ChainParams.FROZEN, 0).total()).isEqualTo(ChainParams.FROZEN);
        assertThatCode(() -> Genesis.validate(withReward(1, ChainParams.FROZEN, 0)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("S4: a negative reward, a zero halving interval or a miner share over 100% is a MALFORMED genesis")
    void invalidRewardParameters() {
        invalid(() -> Genesis.validate(withReward(-1, 10, 5000)), "S4");
        invalid(() -> Genesis.validate(withReward(100, 0, 5000)), "S4");
        invalid(() -> Genesis.validate(withReward(100, 10, 10_001)), "S4");
        invalid(() -> Genesis.validate(withReward(100, 10, -1)), "S4");
    }

    @Test
    @DisplayName("C4: a genesis without validators is refused")
    void noValidators() {
        ChainParams p = TestChain.params();
        ChainParams none = p.withValidators(List.of());
        invalid(() -> Genesis.validate(none), "validator");
    }

    @Test
    @DisplayName("S2: the reserve's genesis output goes to the committee reserve address, which is no test key's")
    void reserveAddress() {
        assertThat(Genesis.committeeReserveAddress()).isEqualTo(Genesis.committeeReserveAddress());
        for (int i = 0; i < 20; i++) {
            assertThat(TestKeys.key(i).address()).isNotEqualTo(Genesis.committeeReserveAddress());
        }
    }

    // ---- the JSON genesis file ----

    private static ObjectNode testGenesisJson() {
        ChainParams p = TestChain.params();
        ObjectNode root = JSON.createObjectNode();
        root.put("chainId", p.chainId());
        root.put("network", "devnet");
        root.put("genesisTime", "2025-11-25T00:00:00Z");
        root.put("blockIntervalMillis", p.blockIntervalMillis());
        root.put("minFeePerByte", p.minFeePerByte());
        root.put("supplyCapCas", 5_000_000_000L);
        root.put("initialBlockRewardUnits", p.initialBlockReward());
        root.put("halvingIntervalBlocks", p.halvingInterval());
        root.put("minerShareBasisPoints", p.minerShareBasisPoints());
        root.put("initialTarget", Long.toHexString(p.initialTarget()));
        root.put("maxBlockTransactions", p.maxBlockTransactions());
        root.put("committeeReserveCas", 1_000_000_000L);
        ArrayNode allocations = root.putArray("allocations");
        for (ChainParams.Allocation a : p.allocations()) {
            allocations
                    .addObject()
                    .put("address", a.owner().encode(Network.DEVNET))
                    .put("amountCas", a.amount() / Amounts.UNITS_PER_CAS);
        }
        ArrayNode validators = root.putArray("validators");
        p.validators()
                .forEach(v ->
                        validators.addObject().put("publicKey", v.key().hex()).put("power", v.power()));
        ArrayNode committee = root.putArray("transitionalCommittee");
        p.transitionalCommittee().forEach(v -> committee.add(v.encode(Network.DEVNET)));
        return root;
    }

    private static byte[] bytes(ObjectNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] edited(Consumer<ObjectNode> edit) {
        ObjectNode n = testGenesisJson();
        edit.accept(n);
        return bytes(n);
    }

    @Test
    @DisplayName("S1: a genesis file is parsed into the same parameters as the test chain's")
    void parseFile() {
        ChainParams parsed = Genesis.parse(bytes(testGenesisJson()));
        assertThat(parsed).isEqualTo(TestChain.params());
    }

    @Test
    @DisplayName("S1: a genesis file with another supply cap is refused")
    void parseWrongCap() {
        invalid(() -> Genesis.parse(edited(n -> n.put("supplyCapCas", 6_000_000_000L))), "S1");
    }

    @Test
    @DisplayName("S2: a genesis file whose allocations do not sum to 1,000,000,000 CAS is refused")
    void parseWrongAllocations() {
        invalid(
                () -> Genesis.parse(
                        edited(n -> ((ObjectNode) n.get("allocations").get(0)).put("amountCas", 100_000_001L))),
                "S2");
        invalid(() -> Genesis.parse(edited(n -> n.put("committeeReserveCas", 999_999_999L))), "S2");
    }

    @Test
    @DisplayName(
            "S2, C4: a genesis file with a missing field, a fraction, an address of another network or a bad validator is refused")
    void parseFaults() {
        invalid(() -> Genesis.parse("not json".getBytes(StandardCharsets.UTF_8)), "JSON");
        invalid(() -> Genesis.parse(edited(n -> n.remove("chainId"))), "chainId");
        invalid(() -> Genesis.parse(edited(n -> n.put("supplyCapCas", 5_000_000_000.5))), "supplyCapCas");
        Address v = TestChain.validator().address();
        assertThatThrownBy(() -> Genesis.parse(
                        edited(n -> n.putArray("transitionalCommittee").add(v.encode(Network.MAINNET)))))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_NETWORK));
        // C4: validators are public keys with a positive power, each once
        invalid(() -> Genesis.parse(edited(n -> n.putArray("validators").add(v.encode(Network.DEVNET)))), "validators");
        invalid(
                () -> Genesis.parse(edited(n -> n.putArray("validators")
                        .addObject()
                        .put("publicKey", "00")
                        .put("power", 1))),
                "publicKey");
        String key = TestChain.validator().publicKey().hex();
        invalid(
                () -> Genesis.parse(edited(n -> n.putArray("validators")
                        .addObject()
                        .put("publicKey", key)
                        .put("power", 0))),
                "power");
        invalid(
                () -> Genesis.parse(edited(n -> {
                    var list = n.putArray("validators");
                    list.addObject().put("publicKey", key).put("power", 1);
                    list.addObject().put("publicKey", key).put("power", 2);
                })),
                "twice");
        invalid(() -> Genesis.parse(edited(n -> n.putArray("validators"))), "no validator");
    }
}
