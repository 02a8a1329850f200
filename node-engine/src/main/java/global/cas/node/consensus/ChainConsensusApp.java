package global.cas.node.consensus;

import global.cas.chain.Block;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.consensus.Vote;
import global.cas.consensus.driver.ConsensusApp;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.node.ChainService;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.ValidatorSet;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain as the consensus driver sees it, over {@link ChainService}'s propose / validate /
 * commit. Blocks travel as {@link Block#encoded()} bytes; their hash is always computed here from
 * the bytes. Double signs the driver reports go to the chain's {@link
 * global.cas.node.EvidencePool}, for the next block this node proposes (C4). Called on the
 * driver's thread; each call waits for the chain thread.
 */
public final class ChainConsensusApp implements ConsensusApp {
    private static final Logger LOG = LoggerFactory.getLogger(ChainConsensusApp.class);

    /** Pairs of conflicting votes kept for the node's status, newest last. */
    static final int MAX_EVIDENCE_KEPT = 100;

    /** Two votes of one validator for one slot, as this node saw them (C4). */
    public record Equivocation(Vote first, Vote second) {}

    private final ChainService chain;
    private final Optional<KeyPair> proposer;
    private final Consumer<String> onHalt;
    private final ArrayDeque<Equivocation> evidence = new ArrayDeque<>();

    /**
     * @param proposer the key blocks are built with (a validator's); empty for a node that only
     *     follows
     * @param onHalt told why, once, when the driver halts
     */
    public ChainConsensusApp(ChainService chain, Optional<KeyPair> proposer, Consumer<String> onHalt) {
        this.chain = chain;
        this.proposer = proposer;
        this.onHalt = onHalt;
    }

    @Override
    public long committedHeight() {
        return chain.tip().height();
    }

    @Override
    public ValidatorSet validators(long height) {
        return chain.validatorSchedule().at(height);
    }

    @Override
    public Built build(long height, long now) {
        KeyPair key = proposer.orElseThrow(() -> new IllegalStateException("a node without a key builds no block"));
        ExecutedBlock built = join(chain.propose(key, now));
        Block b = built.block();
        if (b.height() != height) {
            throw new IllegalStateException("asked to build block " + height + " but the chain is at " + b.height());
        }
        return new Built(b.hash(), b.encoded(), b.header().time());
    }

    @Override
    public Checked check(long height, byte[] bytes) {
        Block block;
        try {
            block = Block.decode(bytes);
        } catch (RuntimeException e) {
            return Checked.invalid(Hash.ZERO, "the block does not decode: " + message(e));
        }
        if (block.height() != height) {
            return Checked.invalid(block.hash(), "block " + block.height() + " proposed for height " + height);
        }
        try {
            ExecutedBlock executed = join(chain.validate(block));
            return Checked.valid(executed.block().hash(), block.header().time());
        } catch (RejectedException e) {
            return Checked.invalid(block.hash(), e.reason() + ": " + e.detail());
        }
    }

    @Override
    public void commit(long height, Hash hash, byte[] bytes, Commit commit) {
        if (alreadyCommitted(height, hash)) {
            return;
        }
        try {
            join(chain.commit(hash, commit));
        } catch (RuntimeException e) {
            if (alreadyCommitted(height, hash)) {
                return; // committed meanwhile by another path
            }
            if (!(e instanceof RejectedException r) || r.reason() != Reason.NOT_FOUND) {
                throw e;
            }
            // the executed candidate was dropped from the cache: execute it again from its bytes
            Block block = Block.decode(bytes);
            if (!block.hash().equals(hash) || block.height() != height) {
                throw new IllegalStateException("the bytes of block " + hash.hex() + " hold another block");
            }
            join(chain.importBlock(block, commit));
        }
    }

    @Override
    public Imported importFinal(long from, List<Final> blocks) {
        List<ChainService.Final> decoded = new java.util.ArrayList<>(blocks.size());
        Optional<Imported.Refusal> bad = Optional.empty();
        for (int i = 0; i < blocks.size(); i++) {
            long h = from + i;
            Block block;
            try {
                block = Block.decode(blocks.get(i).bytes());
            } catch (RuntimeException e) {
                bad = Optional.of(new Imported.Refusal(h, true, "block " + h + " does not decode: " + message(e)));
                break;
            }
            if (block.height() != h) {
                bad = Optional.of(new Imported.Refusal(h, true, "block " + block.height() + " sent as block " + h));
                break;
            }
            decoded.add(new ChainService.Final(block, blocks.get(i).commit()));
        }
        ChainService.Imported done = join(chain.importBlocks(decoded));
        if (done.refused().isPresent()) {
            ChainService.Imported.Refusal r = done.refused().get();
            Reason reason = r.reason().reason();
            boolean peerFault = reason == Reason.BAD_COMMIT || reason == Reason.BAD_BLOCK_HEIGHT;
            return new Imported(
                    done.tipHeight(),
                    Optional.of(new Imported.Refusal(
                            r.height(), peerFault, reason + ": " + r.reason().detail())));
        }
        return new Imported(done.tipHeight(), bad);
    }

    /**
     * Whether block {@code hash} is already the committed block at {@code height} (another path
     * committed it meanwhile).
     *
     * @throws IllegalStateException when another block is committed at that height
     */
    private boolean alreadyCommitted(long height, Hash hash) {
        global.cas.chain.ChainTip tip = chain.tip();
        if (height > tip.height()) {
            return false;
        }
        Optional<Hash> stored = height == tip.height()
                ? Optional.of(tip.hash())
                : chain.store().block(height).map(Block::hash);
        if (stored.isPresent() && !stored.get().equals(hash)) {
            throw new IllegalStateException("block " + stored.get().hex() + " is already committed at height " + height
                    + ", not " + hash.hex());
        }
        return true;
    }

    @Override
    public Optional<Final> committed(long height) {
        if (height < 1
                || height > chain.tip().height()
                || height < chain.store().prunedBelow()) {
            return Optional.empty();
        }
        Optional<Block> block = chain.block(height);
        Optional<Commit> commit = chain.store().commit(height);
        if (block.isEmpty() || commit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Final(block.get().encoded(), commit.get()));
    }

    /**
     * Keeps the pair for the node's status and hands it to the chain's evidence pool, from which
     * this node's next block records it (C4). The driver verified both signatures against the
     * validators of the votes' height.
     */
    @Override
    public void evidence(Vote first, Vote second) {
        synchronized (evidence) {
            if (evidence.size() == MAX_EVIDENCE_KEPT) {
                evidence.removeFirst();
            }
            evidence.addLast(new Equivocation(first, second));
        }
        LOG.warn(
                "validator {} signed two votes for height {} round {}: {} and {}",
                first.validator(),
                first.height(),
                first.round(),
                first.value().hex(),
                second.value().hex());
        if (first.sameSlot(second) && !first.value().equals(second.value())) {
            chain.evidencePool().add(first.evidenceWith(second));
        }
    }

    /** The double signs seen, oldest first (at most {@link #MAX_EVIDENCE_KEPT}). Any thread. */
    public List<Equivocation> evidenceSeen() {
        synchronized (evidence) {
            return List.copyOf(evidence);
        }
    }

    @Override
    public void halted(String reason) {
        onHalt.accept(reason);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static String message(RuntimeException e) {
        return e instanceof RejectedException r ? r.reason() + ": " + r.detail() : String.valueOf(e.getMessage());
    }
}
