package global.cas.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.crypto.PublicKey;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceTree;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.LedgerDelta;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.LedgerRoot;
import global.cas.ledger.LedgerView;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Owner;
import global.cas.ledger.RewardSchedule;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.params.ParamsSchedule;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads a genesis file (JSON, in {@code resources/genesis/}), checks it against S1–S4 and builds
 * block 0 and its state: the committee reserve's output first, then one output per sale
 * allocation, in file order.
 */
public final class Genesis {
    private static final byte[] GENESIS_DOMAIN = "CAS genesis".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESERVE_DOMAIN = "CAS committee reserve".getBytes(StandardCharsets.US_ASCII);

    private Genesis() {}

    /**
     * The committee reserve's address (G20): the first 20 bytes of SHA-256("CAS committee reserve").
     * It is not derived from any public key, so no single key can sign for it.
     */
    public static Address committeeReserveAddress() {
        byte[] h = Hash.sha256(RESERVE_DOMAIN).bytes();
        return Address.of(java.util.Arrays.copyOf(h, Address.LENGTH));
    }

    /** Loads the bundled genesis of a network. */
    public static ChainParams bundled(Network network) {
        String name = "genesis/" + network.id() + ".json";
        try (InputStream in = Genesis.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the " + network.id() + " genesis file is missing from the build");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled genesis", e);
        }
    }

    public static ChainParams load(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** Parses and validates a genesis file; any fault is a {@code MALFORMED} rejection naming it. */
    public static ChainParams parse(byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw bad("the file is not JSON: " + e.getMessage());
        }
        Network network = Network.parse(text(root, "network"));
        List<ChainParams.Allocation> allocations = new ArrayList<>();
        for (JsonNode a : array(root, "allocations")) {
            allocations.add(new ChainParams.Allocation(
                    address(text(a, "address"), network), Amounts.cas(number(a, "amountCas"))));
        }
        List<Validator> validators = validators(root);
        List<Address> committee = addresses(root, "transitionalCommittee", network);
        ChainParams p = new ChainParams(
                text(root, "chainId"),
                network,
                Instant.parse(text(root, "genesisTime")).toEpochMilli(),
                number(root, "blockIntervalMillis"),
                number(root, "minFeePerByte"),
                Amounts.cas(number(root, "supplyCapCas")),
                number(root, "initialBlockRewardUnits"),
                number(root, "halvingIntervalBlocks"),
                intNumber(root, "minerShareBasisPoints"),
                HexFormat.fromHexDigitsToLong(text(root, "initialTarget")),
                intNumber(root, "maxBlockTransactions"),
                committeeReserveAddress(),
                Amounts.cas(number(root, "committeeReserveCas")),
                allocations,
                validators,
                committee);
        if (root.has("governance")) {
            p = p.withGovernance(governance(root.get("governance")));
        }
        validate(p);
        return p;
    }

    /** The genesis keys of the governance values and how each is read (amounts in whole CAS). */
    private static final List<String> GOVERNANCE_KEYS = List.of(
            "candidacyMinimumCas",
            "electionThresholdCas",
            "minSeats",
            "responseSupportCas",
            "responseWindowDays",
            "referendumSupportCas",
            "referendumQuorumCas",
            "committeeRulesQuorumCas",
            "referendumMinDays",
            "referendumMaxDays",
            "epochMillis",
            "dayMillis",
            "electionIntervalDays",
            "nominationDays",
            "votingDays",
            "proposalFeeCas",
            "parameterDelayBlocks",
            "payoutDays");

    /**
     * The optional "governance" object of a genesis file: each key PROTOCOL.md's value unless
     * given; an unknown key or a value that makes no sense is refused.
     */
    private static global.cas.params.GovernanceParams governance(JsonNode g) {
        if (!g.isObject()) {
            throw bad("field 'governance' must be an object");
        }
        for (java.util.Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!GOVERNANCE_KEYS.contains(k)) {
                throw bad(
                        "'governance' has no field '" + k + "'; the fields are " + String.join(", ", GOVERNANCE_KEYS));
            }
        }
        var d = global.cas.params.GovernanceParams.defaults();
        try {
            return new global.cas.params.GovernanceParams(
                    casOr(g, "candidacyMinimumCas", d.candidacyMinimum()),
                    casOr(g, "electionThresholdCas", d.electionThreshold()),
                    intOr(g, "minSeats", d.minSeats()),
                    casOr(g, "responseSupportCas", d.responseSupport()),
                    intOr(g, "responseWindowDays", d.responseWindowDays()),
                    casOr(g, "referendumSupportCas", d.referendumSupport()),
                    casOr(g, "referendumQuorumCas", d.referendumQuorum()),
                    casOr(g, "committeeRulesQuorumCas", d.committeeRulesQuorum()),
                    intOr(g, "referendumMinDays", d.referendumMinDays()),
                    intOr(g, "referendumMaxDays", d.referendumMaxDays()),
                    g.has("epochMillis") ? number(g, "epochMillis") : d.epochMillis(),
                    g.has("dayMillis") ? number(g, "dayMillis") : d.dayMillis(),
                    intOr(g, "electionIntervalDays", d.electionIntervalDays()),
                    intOr(g, "nominationDays", d.nominationDays()),
                    intOr(g, "votingDays", d.votingDays()),
                    casOr(g, "proposalFeeCas", d.proposalFee()),
                    g.has("parameterDelayBlocks") ? number(g, "parameterDelayBlocks") : d.parameterDelayBlocks(),
                    intOr(g, "payoutDays", d.payoutDays()));
        } catch (RejectedException e) {
            throw bad("governance: " + e.detail());
        } catch (ArithmeticException e) {
            throw bad("governance: an amount is too large");
        }
    }

    private static long casOr(JsonNode g, String field, long otherwise) {
        if (!g.has(field)) {
            return otherwise;
        }
        long v = number(g, field);
        if (v < 0) {
            throw bad("governance field '" + field + "' must not be negative");
        }
        return Amounts.cas(v);
    }

    private static int intOr(JsonNode g, String field, int otherwise) {
        return g.has(field) ? intNumber(g, field) : otherwise;
    }

    /** Checks S1–S4 and the basic shape. */
    public static void validate(ChainParams p) {
        if (p.supplyCap() != ChainParams.SUPPLY_CAP) {
            throw bad("S1: the supply cap must be 5,000,000,000 CAS");
        }
        if (p.committeeReserveAmount() != ChainParams.RESERVE_AT_GENESIS) {
            throw bad("S2: the committee reserve receives exactly 1,000,000,000 CAS at genesis");
        }
        long sale = 0;
        for (ChainParams.Allocation a : p.allocations()) {
            if (a.amount() <= 0) {
                throw bad("every allocation must be positive");
            }
            sale = Amounts.add(sale, a.amount());
        }
        if (sale != ChainParams.GENESIS_ISSUE - ChainParams.RESERVE_AT_GENESIS) {
            throw bad("S2: the sale allocations must sum to exactly 1,000,000,000 CAS, not " + Amounts.format(sale));
        }
        RewardSchedule r;
        try {
            r = new RewardSchedule(p.initialBlockReward(), p.halvingInterval(), p.minerShareBasisPoints());
        } catch (IllegalArgumentException e) {
            throw bad(
                    "S4: the initial reward must not be negative, the halving interval must be positive and the miner share between 0 and 10,000 basis points");
        }
        if (r.total() > ChainParams.FROZEN) {
            throw bad("S3/S4: the reward schedule pays " + Amounts.format(r.total())
                    + " CAS, more than the 3,000,000,000 frozen");
        }
        if (p.validators().isEmpty()) {
            throw bad("the genesis names no validator");
        }
        try {
            p.genesisValidators();
        } catch (IllegalArgumentException e) {
            throw bad("C4: " + e.getMessage());
        }
        if (p.transitionalCommittee().isEmpty()) {
            throw bad("G9: the genesis names no transitional committee");
        }
        if (p.blockIntervalMillis() <= 0 || p.minFeePerByte() < 0 || p.maxBlockTransactions() <= 0) {
            throw bad("block interval, minimum fee and block size must be positive");
        }
        if (p.allocations().size() >= (1 << 20)) {
            throw bad("too many allocations");
        }
        if (p.network() != global.cas.crypto.Network.DEVNET
                && !p.governance().equals(global.cas.params.GovernanceParams.defaults())) {
            throw bad("the " + p.network().id()
                    + " genesis uses PROTOCOL.md's governance values; only a devnet may change them");
        }
    }

    /**
     * The pseudo transaction id naming the genesis outputs of {@code p}: SHA-256("CAS genesis" ‖
     * the hash of every genesis parameter, {@link ChainParams#hash}), so the genesis block's state
     * root, hence its hash, commits to the whole genesis file (and to a devnet folder's salt).
     */
    public static Hash transactionId(ChainParams p) {
        return Hash.sha256(GENESIS_DOMAIN, p.hash().bytes());
    }

    /**
     * The committee reserve as a ledger owner (G20): an authority of the transitional committee
     * (G9) that no action may spend yet; the governance module adds the reserve's spending actions.
     */
    public static Owner.Authority committeeReserve(ChainParams p) {
        return new Owner.Authority(p.committeeReserve(), p.transitionalCommittee(), java.util.Set.of());
    }

    /** Block 0 and the state it creates. */
    public static ExecutedBlock build(ChainParams p) {
        Hash txId = transactionId(p);
        LedgerOverlay overlay = new LedgerOverlay(EMPTY);
        overlay.register(committeeReserve(p));
        List<TxOutput> outs = new ArrayList<>();
        outs.add(new TxOutput(p.committeeReserve(), AssetId.CAS, p.committeeReserveAmount()));
        for (ChainParams.Allocation a : p.allocations()) {
            outs.add(new TxOutput(a.owner(), AssetId.CAS, a.amount()));
        }
        for (int i = 0; i < outs.size(); i++) {
            overlay.create(new UnspentOutput(
                    new OutputRef(txId, i), outs.get(i), UnspentOutput.storageId(0, i >>> 10, i & 1023)));
        }
        LedgerDelta delta = overlay.delta();
        long frozen = p.frozenAtGenesis();
        ParamsSchedule params = ParamsSchedule.genesis(p.genesisParams());
        ValidatorSchedule validators = ValidatorSchedule.genesis(p.genesisValidators());
        global.cas.statetree.StateTree balances = BalanceTree.build(delta.balances());
        global.cas.governance.GovernanceBlock governance = global.cas.governance.GovernanceGenesis.build(
                new global.cas.ledger.BlockContext(
                        0,
                        p.genesisTime(),
                        Address.of(new byte[Address.LENGTH]),
                        Hash.ZERO,
                        validators.at(0),
                        params.at(0)),
                p.transitionalCommittee(),
                p.committeeReserve(),
                p.allocations().stream()
                        .mapToLong(ChainParams.Allocation::amount)
                        .reduce(0, Amounts::add));
        global.cas.records.ModuleChanges governanceChanges = governance.changes();
        global.cas.statetree.StateTree governanceTree = governance.treeAfter(governanceChanges);
        ModuleRoots roots = new ModuleRoots(
                LedgerRoot.next(Hash.ZERO, delta, p.initialTarget(), frozen),
                balances.root(),
                params.root(),
                validators.root(),
                RecordedEvidence.EMPTY.root(),
                governanceTree.root());
        BlockHeader header = new BlockHeader.Fields(
                        p.chainId(),
                        0,
                        Hash.ZERO,
                        p.genesisTime(),
                        Address.of(new byte[Address.LENGTH]),
                        Commit.NONE.hash(),
                        validators.at(0).hash(),
                        validators.at(1).hash(),
                        params.at(0).hash(),
                        BlockHeader.NO_EVIDENCE,
                        MerkleTree.root(List.of()),
                        roots.stateRoot())
                .seal();
        Block block = new Block(header, List.of(), Commit.NONE);
        ChainTip tip = new ChainTip(0, header.hash(), header.time(), roots, p.initialTarget(), frozen);
        return new ExecutedBlock(
                block,
                delta,
                Optional.of(params),
                Optional.of(validators),
                tip,
                balances,
                RecordedEvidence.EMPTY,
                governanceChanges,
                governanceTree);
    }

    private static final LedgerView EMPTY = new LedgerView() {
        @Override
        public Optional<UnspentOutput> unspent(OutputRef ref) {
            return Optional.empty();
        }

        @Override
        public long balance(Address owner, AssetId asset) {
            return 0;
        }

        @Override
        public Optional<ColouredOutput> coloured(OutputRef ref) {
            return Optional.empty();
        }

        @Override
        public Owner owner(Address address) {
            return new Owner.Key(address);
        }

        @Override
        public List<UnspentOutput> unspentOf(Address owner) {
            return List.of();
        }

        @Override
        public global.cas.statetree.StateTree balanceTree() {
            return new global.cas.statetree.StateTree();
        }
    };

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw bad("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw bad("field '" + field + "' must be an integer");
        }
        return v.asLong();
    }

    private static int intNumber(JsonNode n, String field) {
        long v = number(n, field);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw bad("field '" + field + "' must be between 0 and " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    private static List<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw bad("field '" + field + "' must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static List<Address> addresses(JsonNode n, String field, Network network) {
        List<Address> out = new ArrayList<>();
        for (JsonNode a : array(n, field)) {
            if (!a.isTextual()) {
                throw bad("field '" + field + "' must list addresses");
            }
            out.add(address(a.asText(), network));
        }
        return out;
    }

    private static List<Validator> validators(JsonNode root) {
        List<Validator> out = new ArrayList<>();
        for (JsonNode v : array(root, "validators")) {
            if (!v.isObject()) {
                throw bad("field 'validators' must list objects with 'publicKey' (hex) and 'power'");
            }
            byte[] key;
            try {
                key = HexFormat.of().parseHex(text(v, "publicKey"));
            } catch (IllegalArgumentException e) {
                throw bad("a validator's publicKey must be 64 hex digits");
            }
            if (key.length != PublicKey.LENGTH) {
                throw bad("a validator's publicKey must be 64 hex digits");
            }
            long power = number(v, "power");
            if (power <= 0 || power > Validator.MAX_POWER) {
                throw bad("a validator's power must be between 1 and 2^48");
            }
            out.add(new Validator(PublicKey.of(key), power));
        }
        return out;
    }

    private static Address address(String text, Network network) {
        return Address.parse(text, network);
    }

    private static RejectedException bad(String what) {
        return new RejectedException(Reason.MALFORMED, "Invalid genesis: " + what + ".");
    }
}
