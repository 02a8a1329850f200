package global.cas.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.LedgerDelta;
import global.cas.ledger.LedgerOverlay;
import global.cas.ledger.LedgerView;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
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
        List<Address> validators = addresses(root, "validators", network);
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
        validate(p);
        return p;
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
        if (p.blockIntervalMillis() <= 0 || p.minFeePerByte() < 0 || p.maxBlockTransactions() <= 0) {
            throw bad("block interval, minimum fee and block size must be positive");
        }
        if (p.allocations().size() >= (1 << 20)) {
            throw bad("too many allocations");
        }
    }

    /** The pseudo transaction id naming the genesis outputs of a chain with a fixed genesis. */
    public static Hash transactionId(String chainId) {
        return Hash.sha256(GENESIS_DOMAIN, chainId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pseudo transaction id naming the genesis outputs of {@code p}: SHA-256("CAS genesis" ‖
     * chain id), followed by a devnet's 16-byte instance salt when it has one, so the genesis (state
     * root, hence hash) of every devnet data folder is its own.
     */
    public static Hash transactionId(ChainParams p) {
        byte[] chainId = p.chainId().getBytes(StandardCharsets.UTF_8);
        return p.instance()
                .map(i -> Hash.sha256(GENESIS_DOMAIN, chainId, i.salt()))
                .orElseGet(() -> Hash.sha256(GENESIS_DOMAIN, chainId));
    }

    /** Block 0 and the state it creates. */
    public static BlockExecutor.ExecutedBlock build(ChainParams p) {
        Hash txId = transactionId(p);
        LedgerOverlay overlay = new LedgerOverlay(EMPTY);
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
        Hash stateRoot = StateRoot.next(Hash.ZERO, delta, p.initialTarget(), frozen);
        BlockHeader header = BlockHeader.of(
                p.chainId(),
                0,
                Hash.ZERO,
                p.genesisTime(),
                Address.of(new byte[Address.LENGTH]),
                MerkleTree.root(List.of()),
                stateRoot);
        Block block = new Block(
                header, List.of(), PublicKey.of(new byte[PublicKey.LENGTH]), Signature.of(new byte[Signature.LENGTH]));
        ChainTip tip = new ChainTip(0, header.hash(), header.time(), stateRoot, p.initialTarget(), frozen);
        return new BlockExecutor.ExecutedBlock(block, delta, tip);
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

    private static Address address(String text, Network network) {
        return Address.parse(text, network);
    }

    private static RejectedException bad(String what) {
        return new RejectedException(Reason.MALFORMED, "Invalid genesis: " + what + ".");
    }
}
