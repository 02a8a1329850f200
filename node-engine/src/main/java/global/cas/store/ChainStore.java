package global.cas.store;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.StoredTransaction;
import global.cas.crypto.Hash;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.Owner;
import global.cas.ledger.UnspentOutput;
import global.cas.params.ParamsSchedule;
import global.cas.validators.ValidatorSchedule;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The chain's durable state: blocks, transactions, outputs (spent ones keep their spending
 * height), balances and the tip. {@link #commit} writes one whole block in one database
 * transaction, so after a crash at any instant the store holds the last whole block and nothing
 * half-written. Implementations are safe for one writer (the chain thread) and concurrent readers.
 */
public interface ChainStore extends AutoCloseable {
    /** The last committed block's tip; empty for a new database. */
    Optional<ChainTip> tip();

    /**
     * The digest of the unspent outputs as of the tip, recorded with each commit; empty for an
     * empty store and for one whose tip a version before digests wrote.
     */
    Optional<StateDigest> stateDigest();

    /**
     * Records {@code computed} as the tip's digest in a store that has none (written by an older
     * version); the caller computed it from the outputs it loaded.
     */
    void recordStateDigest(StateDigest computed);

    /**
     * Streams every stored block header from genesis up, in height order, without the blocks'
     * transactions. Each header hashes to the hash stored with it and sits at its stored height.
     *
     * @throws ChainDataException when a stored header is damaged
     */
    void forEachHeader(Consumer<global.cas.chain.BlockHeader> sink);

    /**
     * Commits a block, its commit (C3) and every module's changes atomically, then makes it the tip
     * (and records the digest after it, when the store records one).
     */
    void commit(ExecutedBlock block, Commit commit);

    /** A block executed against its predecessor, with the commit that makes it final (C3). */
    record Committed(ExecutedBlock block, Commit commit) {}

    /**
     * Commits consecutive blocks, each following the one before it, in one database transaction:
     * after a crash the store holds all of them or none. What a node catching up uses, so the disk
     * is forced once per batch instead of once per block. By default one {@link #commit} each.
     */
    default void commitBatch(java.util.List<Committed> blocks) {
        for (Committed c : blocks) {
            commit(c.block(), c.commit());
        }
    }

    /**
     * The block format the stored rows were written in; empty for a new database. This version
     * reads only its own format; an older one is refused at start ({@code CHAIN_FORMAT_OLD}).
     */
    OptionalInt format();

    /** The commit of block {@code height} (height 0: genesis's, which has no precommits). */
    Optional<Commit> commit(long height);

    /** Every stored version of the parameters; empty for a new database. */
    Optional<ParamsSchedule> paramsSchedule();

    /** Every stored version of the validator set; empty for a new database. */
    Optional<ValidatorSchedule> validatorSchedule();

    /**
     * The current records of a record module ({@code global.cas.records}): at the first call after
     * the store opened, the set read (and checked against the tip's state root) when it opened,
     * handed over to the caller, who keeps it in step from then on; at any later call a fresh read.
     *
     * @throws ChainDataException when a stored record is malformed
     */
    global.cas.records.RecordSet moduleRecords(String module);

    /**
     * The history of one record of a record module, oldest first: each height that changed it and
     * the bytes it left (empty when it removed the record). Never pruned (G38).
     */
    java.util.List<RecordVersion> recordHistory(String module, global.cas.records.RecordKey key);

    /**
     * The records of {@code module} under {@code prefix} as they stood after block {@code height},
     * in key order, after {@code after} if present, at most {@code limit}: read from the history, so
     * a vote's ballots and the checkpoints their weights came from are there at any height (G38).
     */
    java.util.List<java.util.Map.Entry<global.cas.records.RecordKey, byte[]>> recordsAt(
            String module,
            global.cas.records.RecordKey prefix,
            long height,
            Optional<global.cas.records.RecordKey> after,
            int limit);

    /** One version of a record: the height that wrote it and its bytes, empty when removed. */
    record RecordVersion(long height, Optional<byte[]> bytes) {}

    /** Streams every registered authority and contract account. */
    void forEachOwner(Consumer<Owner> sink);

    /** Streams every coloured output (L3), in storage order. */
    void forEachColoured(Consumer<ColouredOutput> sink);

    /**
     * Streams every piece of evidence of double signing the chain recorded (C4), in chain order
     * (block, then index): the evidence module's state, kept when blocks are pruned.
     *
     * @throws ChainDataException when a stored piece does not decode
     */
    void forEachEvidence(Consumer<global.cas.chain.StoredEvidence> sink);

    /**
     * Up to {@code limit} pieces of recorded evidence after position {@code afterPosition} ({@link
     * global.cas.chain.StoredEvidence#position}; -1 for the first page), in chain order.
     */
    java.util.List<global.cas.chain.StoredEvidence> evidence(long afterPosition, int limit);

    /**
     * The stored block; checks that its header hashes to the stored hash and that its
     * transactions and evidence match the header's roots.
     *
     * @throws ChainDataException when what is stored is damaged
     */
    Optional<Block> block(long height);

    Optional<Block> blockByHash(Hash hash);

    Optional<StoredTransaction> transaction(Hash id);

    /**
     * Streams every unspent output, in storage order, to rebuild the in-memory cache on start; a
     * pruning pass waits until it has finished.
     */
    void forEachUnspent(Consumer<UnspentOutput> sink);

    /**
     * Every output, spent or not, whose storage id lies in {@code [from, to]}, in id order: the
     * outputs a block created are one such range (see {@code UnspentOutput.storageId}).
     */
    java.util.List<UnspentOutput> outputsCreated(long from, long to);

    /**
     * The hash of block {@code height} from its stored header (kept when the block's transactions
     * are pruned); empty when no block of that height is stored.
     *
     * @throws ChainDataException when the stored header is damaged
     */
    Optional<Hash> blockHash(long height);

    /**
     * Blocks {@code 1 .. prunedBelow() - 1} have had their transactions pruned ({@link #prune}):
     * {@link #block} and {@link #transaction} find nothing there. {@code 0} when nothing is pruned.
     */
    long prunedBelow();

    /**
     * Deletes the transactions of the oldest unpruned blocks below {@code below} (never genesis,
     * never the tip) together with the outputs those blocks spent and their spend rows, in one
     * database transaction with the new {@link #prunedBelow}; headers, commits, unspent outputs and
     * every module's state are kept, so the state, its roots and the chain of headers are as
     * before. A pass stops after the block that reaches {@code maxTransactions} transactions (at
     * least one block a pass), so a call is bounded however large the blocks are.
     *
     * @return the new {@link #prunedBelow}
     * @throws IllegalArgumentException when {@code below} would prune the tip
     */
    long prune(long below, int maxTransactions);

    /**
     * Where a wallet scan resumes past the pruned blocks: the last pruned block's height and hash
     * and the outputs of {@code owners} created before {@link #prunedBelow} and unspent after it,
     * read together; empty when nothing is pruned.
     */
    Optional<PrunedOutputs> prunedOutputs(java.util.Set<global.cas.crypto.Address> owners);

    /** See {@link #prunedOutputs}. */
    record PrunedOutputs(long lastPruned, Hash blockHash, java.util.List<UnspentOutput> held) {
        public PrunedOutputs {
            held = java.util.List.copyOf(held);
        }
    }

    @Override
    void close();
}
