package global.cas.chain;

import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.params.GovernanceParams;
import global.cas.params.Params;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The genesis parameters of one chain (S1–S6). Amounts are base units. Immutable; validated by
 * {@link Genesis} when loaded. A devnet's parameters carry the {@link DevnetInstance} of its data
 * folder ({@link #withInstance}); testnet and mainnet have a fixed genesis and none.
 */
public record ChainParams(
        String chainId,
        Network network,
        long genesisTime,
        long blockIntervalMillis,
        long minFeePerByte,
        long supplyCap,
        long initialBlockReward,
        long halvingInterval,
        int minerShareBasisPoints,
        long initialTarget,
        int maxBlockTransactions,
        Address committeeReserve,
        long committeeReserveAmount,
        List<Allocation> allocations,
        List<Validator> validators,
        List<Address> transitionalCommittee,
        Optional<DevnetInstance> instance,
        GovernanceParams governance) {

    /** S1: 5,000,000,000 CAS. */
    public static final long SUPPLY_CAP = Amounts.cas(5_000_000_000L);
    /** S2: 2,000,000,000 CAS issued at genesis, half to the reserve and half to the sale allocations. */
    public static final long GENESIS_ISSUE = Amounts.cas(2_000_000_000L);

    public static final long RESERVE_AT_GENESIS = Amounts.cas(1_000_000_000L);
    /** S3: 3,000,000,000 CAS frozen, released only as block rewards. */
    public static final long FROZEN = SUPPLY_CAP - GENESIS_ISSUE;

    /** A genesis sale allocation. */
    public record Allocation(Address owner, long amount) {}

    public ChainParams {
        allocations = List.copyOf(allocations);
        validators = List.copyOf(validators);
        transitionalCommittee = List.copyOf(transitionalCommittee);
        if (instance.isPresent() && network != Network.DEVNET) {
            throw new IllegalArgumentException("only a devnet has a per-folder instance, not " + network.id());
        }
    }

    /** Parameters of a chain with a fixed genesis (no devnet instance). */
    public ChainParams(
            String chainId,
            Network network,
            long genesisTime,
            long blockIntervalMillis,
            long minFeePerByte,
            long supplyCap,
            long initialBlockReward,
            long halvingInterval,
            int minerShareBasisPoints,
            long initialTarget,
            int maxBlockTransactions,
            Address committeeReserve,
            long committeeReserveAmount,
            List<Allocation> allocations,
            List<Validator> validators,
            List<Address> transitionalCommittee) {
        this(
                chainId,
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                validators,
                transitionalCommittee,
                Optional.empty(),
                GovernanceParams.defaults());
    }

    /**
     * True when this chain exists only on this computer: a devnet runs without peers, so no other
     * computer can see it or pay into it. False for testnet and mainnet.
     */
    public boolean localOnly() {
        return network == Network.DEVNET;
    }

    /**
     * These devnet parameters made the chain of one data folder: the chain id gains the instance's
     * short id ({@code cas-devnet-1} becomes {@code cas-devnet-1-3fa9c2d1}) and the genesis commits
     * to the whole salt; everything else (allocations, validator, rewards) stays.
     *
     * @throws IllegalArgumentException when these are not devnet parameters or already have one
     */
    public ChainParams withInstance(DevnetInstance newInstance) {
        if (instance.isPresent()) {
            throw new IllegalArgumentException("these parameters already belong to devnet instance "
                    + instance.get().hex());
        }
        return new ChainParams(
                chainId + "-" + newInstance.shortId(),
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                validators,
                transitionalCommittee,
                Optional.of(newInstance),
                governance);
    }

    /** These parameters with other sale allocations (a devnet or test genesis). */
    public ChainParams withAllocations(List<Allocation> newAllocations) {
        return new ChainParams(
                chainId,
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                newAllocations,
                validators,
                transitionalCommittee,
                instance,
                governance);
    }

    /** These parameters with another validator set. */
    public ChainParams withValidators(List<Validator> newValidators) {
        return new ChainParams(
                chainId,
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                newValidators,
                transitionalCommittee,
                instance,
                governance);
    }

    /** These parameters with another block size bound. */
    public ChainParams withMaxBlockTransactions(int max) {
        return new ChainParams(
                chainId,
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                max,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                validators,
                transitionalCommittee,
                instance,
                governance);
    }

    /** These parameters with another genesis time (a devnet or test genesis that starts now). */
    public ChainParams withGenesisTime(long time) {
        return new ChainParams(
                chainId,
                network,
                time,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                validators,
                transitionalCommittee,
                instance,
                governance);
    }

    /** These parameters with another transitional committee (G9; a devnet or test genesis). */
    public ChainParams withTransitionalCommittee(List<Address> committee) {
        return new ChainParams(
                chainId,
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                validators,
                committee,
                instance,
                governance);
    }

    /** These parameters with other governance values (sections 5–7; a devnet or test genesis). */
    public ChainParams withGovernance(GovernanceParams values) {
        return new ChainParams(
                chainId,
                network,
                genesisTime,
                blockIntervalMillis,
                minFeePerByte,
                supplyCap,
                initialBlockReward,
                halvingInterval,
                minerShareBasisPoints,
                initialTarget,
                maxBlockTransactions,
                committeeReserve,
                committeeReserveAmount,
                allocations,
                validators,
                transitionalCommittee,
                instance,
                values);
    }

    public long frozenAtGenesis() {
        return supplyCap
                - committeeReserveAmount
                - allocations.stream().mapToLong(Allocation::amount).sum();
    }

    /** The changeable parameters at genesis (the first version of the params module's state). */
    public Params genesisParams() {
        return new Params(minFeePerByte, halvingInterval, maxBlockTransactions, governance);
    }

    /** The validator set at genesis (the first version of the validators module's state). */
    public ValidatorSet genesisValidators() {
        return new ValidatorSet(validators);
    }

    /**
     * The canonical encoding of every genesis parameter, the allocations, the validator set, the
     * transitional committee and a devnet's salt: the genesis outputs' id hashes it, so the genesis
     * hash commits to all of it and two different genesis files never look like the same chain.
     */
    public byte[] encoded() {
        Encoder e = new Encoder(512 + allocations.size() * 32 + validators.size() * 40);
        e.string(chainId)
                .string(network.id())
                .u64(genesisTime)
                .u64(blockIntervalMillis)
                .u64(minFeePerByte)
                .u64(supplyCap)
                .u64(initialBlockReward)
                .u64(halvingInterval)
                .u32(minerShareBasisPoints)
                .u64(initialTarget)
                .u32(maxBlockTransactions)
                .address(committeeReserve)
                .u64(committeeReserveAmount);
        e.list(allocations, (enc, a) -> enc.address(a.owner()).u64(a.amount()));
        e.list(validators, (enc, v) -> v.encode(enc));
        e.list(transitionalCommittee, Encoder::address);
        e.bytes(instance.map(DevnetInstance::salt).orElse(new byte[0]));
        governance.encode(e);
        return e.toBytes();
    }

    /** SHA-256 of {@link #encoded()}. */
    public Hash hash() {
        return Hash.sha256("CAS genesis parameters".getBytes(StandardCharsets.US_ASCII), encoded());
    }
}
