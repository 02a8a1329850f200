package global.cas.node;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.ChainParams;
import global.cas.chain.ChainTip;
import global.cas.chain.StateMachine;
import global.cas.chain.StoredTransaction;
import global.cas.consensus.driver.ConsensusTransport;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.BlockScope;
import global.cas.ledger.LedgerState;
import global.cas.ledger.LedgerView;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.mempool.Mempool;
import global.cas.node.query.BlockSummary;
import global.cas.node.query.MiningWork;
import global.cas.node.query.NodeQueries;
import global.cas.node.query.TipSummary;
import global.cas.node.query.TransactionLookup;
import global.cas.p2p.PeerInfo;
import global.cas.p2p.PeerNetwork;
import global.cas.store.ChainStore;
import global.cas.store.TipMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running CAS node: store, in-memory state, mempool, chain thread and (on a validator) the block
 * producer. The query methods are what the RPC and the UI read; they are thread-safe and never
 * touch the database for hot state. {@link #close} stops block production, lets the block being
 * made finish, and closes the database, so nothing is half written.
 */
public final class Node implements NodeQueries, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final NodeConfig config;
    private final DataDirLock lock;
    private final ChainStore store;
    private final ChainService chain;
    private final BlockPruner pruner;
    private final EventBus events = new EventBus();
    private final ForkJoinPool verifiers;
    /** Made once the chain is open (a producer reads the tip and the validators); empty before. */
    private volatile Optional<BlockProducer> producer = Optional.empty();

    private final NodeBuilder parts;
    private Optional<NodeNetwork> network = Optional.empty();
    /** The peers a person chose to keep connected, loaded at start (a damaged list refuses the start). */
    private final KeptPeers keptPeers;
    /** Where an older-format devnet chain of this folder was moved at start, if it was. */
    private Optional<Path> archivedChain = Optional.empty();

    /** A node on {@code store}, not yet opened: {@link NodeOpener} opens its chain. */
    Node(NodeBuilder parts, DataDirLock lock, ChainStore store, global.cas.p2p.PersistentPeers persistentPeers) {
        this.config = parts.config();
        this.lock = lock;
        this.store = store;
        ChainParams p = config.params();
        StateMachine machine = new StateMachine(p);
        this.verifiers = new ForkJoinPool(
                parts.verifierThreads(),
                pool -> {
                    var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    t.setName("cas-verifier-" + t.getPoolIndex());
                    return t;
                },
                null,
                false);
        Mempool mempool = new Mempool(checks(machine, this::committedGovernance), config.mempoolCapacity(), verifiers);
        this.pruner = new BlockPruner(store, config.pruneKeepBlocks());
        this.chain = new ChainService(
                p, store, new TipMarker(config.dataDir()), new BlockExecutor(machine), mempool, events, pruner);
        this.parts = parts;
        this.keptPeers = new KeptPeers(persistentPeers, this::peerNetwork);
    }

    /** Loads the chain from the store and checks it (ChainService.open). */
    void openChain() {
        chain.open();
    }

    /** Where an older-format devnet chain of this folder was moved at start. */
    void archived(Path where) {
        archivedChain = Optional.of(where);
    }

    private global.cas.governance.GovernanceState committedGovernance() {
        return chain.committed().governance();
    }

    /** A builder of a node from its parts: store, clock, block producer, verifier threads. */
    public static NodeBuilder builder(NodeConfig config) {
        return new NodeBuilder(config);
    }

    /**
     * The state machine's rules, as the mempool runs them, against the committed ledger {@code
     * chain} and the committed {@code governance} state.
     */
    public static Mempool.TransactionChecks checks(
            StateMachine machine, java.util.function.Supplier<global.cas.governance.GovernanceState> governance) {
        return new Mempool.TransactionChecks() {
            @Override
            public void checkStateless(Transaction tx) {
                machine.checkStateless(tx);
            }

            @Override
            public void checkStateful(Transaction tx, LedgerView chain, BlockScope next) {
                machine.checkStateful(tx, chain, governance.get(), next);
            }
        };
    }

    /**
     * Locks the data folder, opens the store, loads the chain and starts producing blocks if the
     * configuration holds a validator key of this chain.
     *
     * @throws DataDirLock.AlreadyOpenException when another process has the folder open
     */
    public static Node start(NodeConfig config, Function<Path, ChainStore> storeFactory) {
        return builder(config).store(storeFactory).start();
    }

    /** Starts a node from {@code parts}; see {@link #start(NodeConfig, Function)}. */
    static Node start(NodeBuilder parts) {
        NodeConfig config = parts.config();
        Function<Path, ChainStore> storeFactory = parts.storeFactory();
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data folder " + config.dataDir(), e);
        }
        Node node = NodeOpener.open(parts, lock);
        try {
            ConsensusTransport transport = node.parts.consensusTransport();
            if (node.parts.network().isPresent()) {
                NodeNetwork joined = NodeNetwork.join(
                        config, node.chain, node.parts.network().get(), node.keptPeers.saved());
                node.network = Optional.of(joined);
                transport = joined.transport();
            }
            node.producer =
                    node.parts.producers().create(node.chain, config, node.parts.clock(), node.events, transport);
            node.producer.ifPresent(BlockProducer::start);
            if (node.network.isPresent()) {
                node.network.get().start();
            }
        } catch (Exception e) {
            node.network.ifPresent(NodeNetwork::close);
            node.producer.ifPresent(Node::closeQuietly);
            node.chain.close();
            node.store.close();
            closeQuietly(node.lock);
            node.verifiers.shutdownNow();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the node could not join the network: " + e.getMessage(), e);
        }
        node.events.publish(new NodeEvent.NodeStarted(node.chain.tip().height()));
        return node;
    }

    /** The peers connected now; empty when the node runs no network. Any thread. */
    public List<PeerInfo> connectedPeers() {
        return network.map(NodeNetwork::connected).orElse(List.of());
    }

    @Override
    public global.cas.node.query.NetworkSummary networkSummary() {
        return network.map(n -> n.summary(consensusStatus()))
                .orElseGet(() -> new global.cas.node.query.NetworkSummary(
                        false, List.of(), Optional.empty(), consensusStatus()));
    }

    @Override
    public List<String> persistentPeers() {
        return keptPeers.persistentPeers();
    }

    @Override
    public PeerAdded addPersistentPeer(String typed) {
        return keptPeers.addPersistentPeer(typed);
    }

    @Override
    public boolean removePersistentPeer(String peer) {
        return keptPeers.removePersistentPeer(peer);
    }

    /** The peer-to-peer network, when this node joined one. */
    public Optional<PeerNetwork> peerNetwork() {
        return network.map(NodeNetwork::peers);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("while closing {}", c, e);
        }
    }

    public ChainParams params() {
        return config.params();
    }

    @Override
    public Path dataDir() {
        return config.dataDir();
    }

    /**
     * The hash of this chain's block 0. A devnet's differs for every data folder (its genesis holds
     * the folder's {@link global.cas.chain.DevnetInstance}); testnet's and mainnet's are fixed.
     */
    public Hash genesisHash() {
        return chain.genesisHash();
    }

    /**
     * True when this chain exists only on this computer: a devnet ({@link ChainParams#localOnly})
     * whose node joined no peer-to-peer network. A devnet or localnet followed over the network is
     * shared with those peers.
     */
    public boolean localOnly() {
        return config.params().localOnly() && network.isEmpty();
    }

    /**
     * The folder an older-format devnet chain was moved to when this node started (the new chain
     * began from genesis); empty when nothing was moved.
     */
    public Optional<Path> archivedChain() {
        return archivedChain;
    }

    @Override
    public boolean isValidator() {
        return producer.isPresent()
                && config.validatorKey()
                        .flatMap(k -> chain.validatorSchedule()
                                .at(chain.tip().height() + 1)
                                .indexOf(k.address()))
                        .isPresent();
    }

    /** The consensus engine's state, when this node runs BFT consensus; empty otherwise. Any thread. */
    public Optional<global.cas.consensus.driver.ConsensusStatus> consensusStatus() {
        return producer.flatMap(BlockProducer::consensusStatus);
    }

    public ChainTip tip() {
        return chain.tip();
    }

    @Override
    public global.cas.node.query.GovernanceView governance() {
        return read(v -> GovernanceReader.view(
                v, config.params().committeeReserve(), config.params().network()));
    }

    @Override
    public Optional<global.cas.node.query.GovernanceView.Ballot> electionBallot(long number, Address voter) {
        return read(v -> GovernanceReader.ballot(v, global.cas.governance.VoteId.election(number), voter));
    }

    @Override
    public Optional<global.cas.node.query.GovernanceView.Ballot> support(Hash id, Address voter) {
        return read(v -> GovernanceReader.ballot(v, global.cas.governance.VoteId.support(id), voter));
    }

    @Override
    public Optional<global.cas.node.query.GovernanceView.Ballot> referendumBallot(Hash id, Address voter) {
        return read(v -> GovernanceReader.ballot(v, global.cas.governance.VoteId.referendum(id), voter));
    }

    @Override
    public global.cas.node.query.GovernanceView.Voters voters(global.cas.governance.VoteId vote, int limit) {
        return read(v -> GovernanceReader.voters(v, vote, limit));
    }

    @Override
    public Optional<global.cas.chain.RecordReceipt> ballotReceipt(global.cas.governance.VoteId vote, Address voter) {
        return read(v -> GovernanceReader.receipt(v, config.params().chainId(), vote, voter));
    }

    @Override
    public TipSummary tipSummary() {
        ChainTip t = chain.tip();
        ChainParams p = config.params();
        return new TipSummary(
                t.height(),
                t.hash(),
                t.time(),
                p.chainId(),
                p.network(),
                chain.genesisHash(),
                localOnly(),
                chain.paramsSchedule().at(t.height() + 1).minFeePerByte());
    }

    @Override
    public Optional<BlockSummary> blockSummary(long height) {
        return block(height)
                .map(b -> new BlockSummary(
                        b.height(), b.hash(), b.header().time(), b.transactions(), blockRewards(b.height())));
    }

    /*
     * Storage is written before the in-memory state and tip move on, so a reader could find a block
     * in storage whose effects the balances do not show yet. Everything read from storage is
     * therefore bounded by the tip: what a caller sees is always one consistent chain height.
     */

    public Optional<Block> block(long height) {
        return chain.block(height);
    }

    @Override
    public Optional<Hash> blockHash(long height) {
        return height <= chain.tip().height() ? store.blockHash(height) : Optional.empty();
    }

    @Override
    public long prunedBelow() {
        return store.prunedBelow();
    }

    /** Whether this node prunes old block bodies (started with {@code --prune}). */
    public boolean prunes() {
        return pruner.enabled();
    }

    @Override
    public global.cas.node.query.PruningHold holdPruning(java.util.function.LongSupplier nextNeeded) {
        return pruner.hold(nextNeeded);
    }

    @Override
    public Optional<global.cas.node.query.PrunedStart> prunedStart(java.util.Set<Address> owners) {
        return store.prunedOutputs(owners)
                .map(p -> new global.cas.node.query.PrunedStart(p.lastPruned(), p.blockHash(), p.held()));
    }

    public Optional<Block> blockByHash(Hash hash) {
        long tip = chain.tip().height();
        return store.blockByHash(hash).filter(b -> b.height() <= tip);
    }

    /** A committed transaction, from storage, once the tip includes its block. */
    public Optional<StoredTransaction> transaction(Hash id) {
        long tip = chain.tip().height();
        return store.transaction(id).filter(t -> t.height() <= tip);
    }

    /** A transaction the node knows: committed (with where), or still pending in the mempool. */
    public record KnownTransaction(Transaction transaction, Optional<StoredTransaction> committed) {
        public boolean isCommitted() {
            return committed.isPresent();
        }
    }

    /**
     * Finds a transaction among the committed ones, then in the mempool. A transaction leaves the
     * mempool only after its block is committed and the tip moved on, so when it is in neither,
     * storage is asked once more: one that went into a block between the two look-ups is found
     * committed, never reported unknown.
     */
    public Optional<KnownTransaction> findTransaction(Hash id) {
        Optional<StoredTransaction> stored = transaction(id);
        if (stored.isEmpty()) {
            Optional<Transaction> pending = pendingTransaction(id);
            if (pending.isPresent()) {
                return Optional.of(new KnownTransaction(pending.get(), Optional.empty()));
            }
            stored = transaction(id);
        }
        return stored.map(s -> new KnownTransaction(s.transaction(), Optional.of(s)));
    }

    @Override
    public Optional<TransactionLookup> lookupTransaction(Hash id) {
        return findTransaction(id)
                .map(k -> new TransactionLookup(
                        k.transaction(),
                        k.committed().map(s -> OptionalLong.of(s.height())).orElseGet(OptionalLong::empty)));
    }

    /** A transaction still waiting in the mempool. */
    public Optional<Transaction> pendingTransaction(Hash id) {
        return chain.mempool().get(id);
    }

    /** The balance of an address (L2), from memory, of one whole block. */
    @Override
    public long balance(Address owner, AssetId asset) {
        return chain.read(v -> v.balance(owner, asset));
    }

    /**
     * A proof of {@code owner}'s balance of {@code asset} at the tip, checkable against the tip
     * block's header alone ({@link global.cas.chain.BalanceProof#verify}).
     */
    public global.cas.chain.BalanceProof balanceProof(Address owner, AssetId asset) {
        return chain.read(v -> {
            var key = global.cas.ledger.BalanceTree.key(new global.cas.ledger.BalanceKey(owner, asset));
            // a fork shares the committed tree's hashed nodes and keeps this read off the chain thread's tree
            var proof = v.balanceTree().fork().prove(key);
            return new global.cas.chain.BalanceProof(
                    v.height(),
                    owner,
                    asset,
                    v.balance(owner, asset),
                    proof,
                    v.tip().roots());
        });
    }

    /**
     * Runs {@code query} on the committed chain of one height (tip, module state, balances and
     * outputs together, never a block half applied); see {@link ChainService#read}.
     */
    public <T> T read(Function<ChainView, T> query) {
        return chain.read(query);
    }

    /** Unspent outputs of an address that no pending transaction spends yet. */
    @Override
    public List<UnspentOutput> spendableOutputs(Address owner) {
        Mempool m = chain.mempool();
        LedgerState state = chain.state();
        // one whole height (Node.read); the second look-up after the claim still matters: the
        // mempool frees the claims of a block's inputs after the block is applied
        return chain.read(v -> state.unspentOf(owner).stream()
                .filter(u -> !m.isClaimed(u.ref()) && state.unspent(u.ref()).isPresent())
                .toList());
    }

    public List<UnspentOutput> unspentOutputs(Address owner) {
        return chain.read(v -> chain.state().unspentOf(owner));
    }

    /**
     * At most {@code limit} outputs of {@code owner} with a storage id above {@code afterStorageId}
     * (-1: from the first), oldest first; with {@code spendableOnly}, those no pending transaction
     * spends. Costs the page, not the owner's whole set: a caller pages with the last storage id seen.
     */
    @Override
    public List<UnspentOutput> outputsPage(Address owner, long afterStorageId, int limit, boolean spendableOnly) {
        if (limit < 0) {
            throw new IllegalArgumentException("a page limit is 0 or more, got " + limit);
        }
        LedgerState state = chain.state();
        if (!spendableOnly) {
            return chain.read(v ->
                    state.unspentOfAfter(owner, afterStorageId).limit(limit).toList());
        }
        Mempool m = chain.mempool();
        return chain.read(v -> state.unspentOfAfter(owner, afterStorageId)
                .filter(u -> !m.isClaimed(u.ref()) && state.unspent(u.ref()).isPresent())
                .limit(limit)
                .toList());
    }

    /**
     * At most {@code limit} pieces of the evidence of double signs the chain recorded (C4) after
     * {@code afterPosition} ({@link global.cas.chain.StoredEvidence#position}; -1: from the first),
     * in chain order: a caller pages with the last position seen.
     */
    public List<global.cas.chain.StoredEvidence> recordedEvidence(long afterPosition, int limit) {
        return chain.store().evidence(afterPosition, limit);
    }

    /**
     * The governance records under {@code prefix} as they stood after block {@code height}, from the
     * never-pruned history (G38): a vote's ballots with their weights then, or the balance
     * checkpoints of an epoch, paged by key.
     */
    public List<java.util.Map.Entry<global.cas.records.RecordKey, byte[]>> governanceRecordsAt(
            global.cas.records.RecordKey prefix, long height, Optional<global.cas.records.RecordKey> after, int limit) {
        return chain.store().recordsAt(global.cas.governance.GovernanceState.MODULE, prefix, height, after, limit);
    }

    /** The address of the validator {@code index} of the set of {@code height}, if there is one. */
    public Optional<Address> validatorAddress(long height, int index) {
        global.cas.validators.ValidatorSet set = chain.validatorSchedule().at(height);
        return index >= 0 && index < set.size() ? Optional.of(set.get(index).address()) : Optional.empty();
    }

    /** How many double signs wait in this node's evidence pool for a block (C4). */
    public int pendingEvidence() {
        return chain.evidencePool().size();
    }

    /** Admits a signed transaction; completes exceptionally with a RejectedException when refused. */
    @Override
    public CompletableFuture<Hash> submit(Transaction tx) {
        return CompletableFuture.supplyAsync(
                () -> {
                    chain.submit(tx);
                    return tx.id();
                },
                verifiers);
    }

    /** Admits many transactions, verifying their signatures in parallel. */
    public List<global.cas.mempool.Mempool.Admission> submitAll(List<Transaction> txs) {
        return chain.submitAll(txs);
    }

    /**
     * The outputs block {@code height} created outside its transactions, spent or not: the genesis
     * allocations for block 0, the packer's and miner's rewards after (S4). Wallets scan these.
     */
    public List<UnspentOutput> blockRewards(long height) {
        if (height > chain.tip().height()) {
            return List.of();
        }
        if (height == 0) {
            return store.outputsCreated(0, UnspentOutput.storageId(1, 0, 0) - 1);
        }
        return store.outputsCreated(
                UnspentOutput.storageId(height, UnspentOutput.REWARD_SLOT, 0),
                UnspentOutput.storageId(height, UnspentOutput.REWARD_SLOT, 1023));
    }

    /** Block {@code height}'s reward to its miner, while that output is unspent (S4). */
    @Override
    public Optional<UnspentOutput> minerReward(long height) {
        return chain.read(v -> v.unspent(new global.cas.ledger.OutputRef(chain.rewardId(height), 1)));
    }

    @Override
    public int mempoolSize() {
        return chain.mempool().size();
    }

    public long mempoolBytes() {
        return chain.mempool().bytes();
    }

    public int mempoolCapacity() {
        return chain.mempool().capacity();
    }

    @Override
    public MiningWork miningWork() {
        ChainTip t = chain.tip();
        return new MiningWork(
                config.params().chainId(),
                t.height() + 1,
                t.hash(),
                t.target(),
                chain.paramsSchedule().at(t.height() + 1).minFeePerByte());
    }

    /** Registers a listener for node events; see {@link EventBus} for the threading rules. */
    public AutoCloseable subscribe(Consumer<NodeEvent> listener) {
        return events.subscribe(listener);
    }

    /** The chain service, for block producers and tools in this engine. */
    public ChainService chain() {
        return chain;
    }

    @Override
    public void close() {
        long height = chain.tip().height();
        producer.ifPresent(BlockProducer::close);
        network.ifPresent(NodeNetwork::close);
        chain.close();
        verifiers.shutdown();
        store.close();
        closeQuietly(lock);
        events.publish(new NodeEvent.NodeStopped(height));
        LOG.info("node stopped at height {}", height);
    }
}
