package global.cas.node;

import global.cas.chain.Block;
import global.cas.chain.BlockHeader;
import global.cas.chain.ChainParams;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.ExecutedBlock;
import global.cas.chain.Genesis;
import global.cas.chain.RecordedEvidence;
import global.cas.crypto.Hash;
import global.cas.governance.GovernanceState;
import global.cas.ledger.LedgerState;
import global.cas.params.ParamsSchedule;
import global.cas.rejection.Reason;
import global.cas.store.ChainDataException;
import global.cas.store.ChainStore;
import global.cas.store.StateDigest;
import global.cas.store.TipMarker;
import global.cas.validators.ValidatorSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the chain at start and refuses data that is not, whole and unchanged, the chain this node
 * last committed. In order:
 *
 * <ol>
 *   <li>the rows must be of this version's block format ({@link Reason#CHAIN_FORMAT_OLD} otherwise);
 *   <li>the tip marker ({@link TipMarker}) is read; an empty database with a marker is refused as
 *       behind, an empty one without a marker gets genesis;
 *   <li>block 0 must be this chain's genesis (else: another chain's folder);
 *   <li>every stored header from genesis to the tip hashes to its stored hash and names the one
 *       before it as its previous block, and the tip header is the stored tip (hash, time, state
 *       root): headers only, streamed;
 *   <li>the database's tip must be the marker's: behind it is refused ({@link
 *       Reason#CHAIN_DATA_BEHIND}); one block ahead is a crash between the database commit and the
 *       marker write, accepted when that block links to the marker's and reads whole, and the
 *       marker is then rewritten; anything else is damage;
 *   <li>the unspent outputs are loaded into memory and their {@link StateDigest} must be the one the
 *       database recorded with the tip, and every balance must be the sum of its owner's unspent
 *       outputs (L2);
 *   <li>the evidence recorded (C4) must give the tip's evidence root.
 * </ol>
 *
 * A folder from a version before markers and digests (no marker, no digest) is trusted on first
 * use, with a warning in the log: the checks that need no marker still run, and the marker and the
 * digest are written then. Any refusal is a {@link ChainDataException}; H2 failures on damaged pages
 * are turned into one by the store. Used once, on the thread that starts the node.
 */
final class ChainOpener {
    private static final Logger LOG = LoggerFactory.getLogger(ChainOpener.class);
    /**
     * The block format this version reads (4: the state root joins the governance root, decision
     * 45; 3: the evidence root, decision 38).
     */
    static final int FORMAT = 5;

    private final ChainParams params;
    private final ChainStore store;
    private final TipMarker marker;

    ChainOpener(ChainParams params, ChainStore store, TipMarker marker) {
        this.params = params;
        this.store = store;
        this.marker = marker;
    }

    /** The opened chain: the tip, the module schedules, the tip block's commit and the evidence recorded. */
    record Opened(
            ChainTip tip,
            ParamsSchedule params,
            ValidatorSchedule validators,
            Commit lastCommit,
            RecordedEvidence evidence,
            GovernanceState governance) {}

    /**
     * Opens the chain, loading the verified unspent outputs, balances, registered owners and
     * coloured outputs into {@code state}.
     *
     * @throws ChainDataException when the data are damaged, behind the marker or of an older format
     * @throws IllegalStateException when the folder holds another chain
     */
    Opened open(LedgerState state) {
        if (store.format().isPresent() && store.format().getAsInt() != FORMAT) {
            throw new ChainDataException(
                    Reason.CHAIN_FORMAT_OLD,
                    "the chain database holds blocks of format "
                            + store.format().getAsInt() + ", this version reads format " + FORMAT);
        }
        ExecutedBlock genesis = Genesis.build(params);
        Optional<TipMarker.Tip> recorded = marker.read();
        if (store.tip().isEmpty()) {
            if (recorded.isPresent()) {
                throw new ChainDataException(
                        Reason.CHAIN_DATA_BEHIND,
                        "the chain database is empty but " + marker.file() + " records block "
                                + recorded.get().height() + " " + recorded.get().hash() + " as committed");
            }
            store.commit(genesis, Commit.genesis(genesis.block().hash()));
            marker.write(new TipMarker.Tip(0, genesis.block().hash()));
            recorded = marker.read();
        } else {
            checkGenesis(genesis);
        }
        ChainTip tip = store.tip().orElseThrow();
        long started = System.nanoTime();
        checkHeaders(tip);
        long headersDone = System.nanoTime();
        boolean rewriteMarker = checkMarker(recorded, tip);
        StateDigest computed = checkState(tip, state);
        state.rebuildBalanceTree();
        if (!state.balanceTree().root().equals(tip.roots().balances())) {
            throw ChainDataException.damaged(
                    "the balances in the chain database do not give the balances root recorded with block "
                            + tip.height());
        }
        store.forEachOwner(state::loadOwner);
        store.forEachColoured(state::loadColoured);
        Commit lastCommit = store.commit(tip.height())
                .orElseThrow(() ->
                        ChainDataException.damaged("the commit of the tip block " + tip.height() + " is missing"));
        if (lastCommit.height() != tip.height() || !lastCommit.blockHash().equals(tip.hash())) {
            throw ChainDataException.damaged("the stored commit of block " + tip.height() + " is for another block");
        }
        RecordedEvidence evidence = recordedEvidence(tip);
        GovernanceState governance = governance(tip);
        if (rewriteMarker) {
            marker.write(new TipMarker.Tip(tip.height(), tip.hash()));
        }
        if (store.stateDigest().isEmpty()) {
            // after the marker: a crash between the two leaves a folder the next start trusts again
            store.recordStateDigest(computed);
        }
        LOG.info(
                "chain data verified at height {}: {} headers in {} ms, {} unspent outputs and their digest in {} ms",
                tip.height(),
                tip.height() + 1,
                (headersDone - started) / 1_000_000,
                state.unspentCount(),
                (System.nanoTime() - headersDone) / 1_000_000);
        return new Opened(
                tip,
                store.paramsSchedule().orElseThrow(),
                store.validatorSchedule().orElseThrow(),
                lastCommit,
                evidence,
                governance);
    }

    /** The governance module's records; their root must be the tip's, and each index record must decode. */
    private GovernanceState governance(ChainTip tip) {
        global.cas.records.RecordSet records = store.moduleRecords(GovernanceState.MODULE);
        if (!records.root().equals(tip.roots().governance())) {
            throw ChainDataException.damaged(
                    "the governance records in the chain database do not give the governance root recorded with block "
                            + tip.height());
        }
        try {
            return GovernanceState.of(records);
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("a governance record in the chain database does not decode", e);
        }
    }

    /** The evidence module's state, from the evidence rows in chain order; its root must be the tip's. */
    private RecordedEvidence recordedEvidence(ChainTip tip) {
        RecordedEvidence[] state = {RecordedEvidence.EMPTY};
        long[] height = {-1};
        List<DoubleSignEvidence> block = new ArrayList<>();
        store.forEachEvidence(e -> {
            if (e.blockHeight() != height[0] && !block.isEmpty()) {
                state[0] = state[0].after(height[0], block);
                block.clear();
            }
            if (e.blockHeight() > tip.height() || e.index() != block.size()) {
                throw ChainDataException.damaged("the evidence of block " + e.blockHeight()
                        + " in the chain database is out of place (tip " + tip.height() + ")");
            }
            height[0] = e.blockHeight();
            block.add(e.evidence());
        });
        if (!block.isEmpty()) {
            state[0] = state[0].after(height[0], block);
        }
        if (!state[0].root().equals(tip.roots().evidence())) {
            throw ChainDataException.damaged(
                    "the evidence in the chain database does not give the evidence root recorded with block "
                            + tip.height());
        }
        return state[0];
    }

    private void checkGenesis(ExecutedBlock genesis) {
        Block stored = store.block(0)
                .orElseThrow(() -> ChainDataException.damaged("the chain database has a tip but no block 0"));
        if (!stored.hash().equals(genesis.block().hash())) {
            throw new IllegalStateException("this data folder holds another chain (genesis " + stored.hash()
                    + ", expected " + genesis.block().hash() + " for " + params.chainId() + ")");
        }
    }

    /** Every header from genesis to the tip: stored hash, previous hash, contiguous heights. */
    private void checkHeaders(ChainTip tip) {
        BlockHeader[] last = new BlockHeader[1];
        store.forEachHeader(h -> {
            BlockHeader before = last[0];
            long expected = before == null ? 0 : before.height() + 1;
            if (h.height() != expected) {
                throw ChainDataException.damaged("the chain database has no block " + expected + " (next found: "
                        + h.height() + ", tip " + tip.height() + ")");
            }
            if (before != null && !h.previousHash().equals(before.hash())) {
                throw ChainDataException.damaged("block " + h.height() + " does not link to block " + before.height()
                        + " (previous hash " + h.previousHash() + ", stored block " + before.hash() + ")");
            }
            if (!h.chainId().equals(params.chainId())) {
                throw ChainDataException.damaged("block " + h.height() + " names the chain " + h.chainId());
            }
            last[0] = h;
        });
        BlockHeader top = last[0];
        if (top == null || top.height() != tip.height()) {
            throw ChainDataException.damaged("the chain database's tip is block " + tip.height()
                    + " but its blocks end at " + (top == null ? "none" : String.valueOf(top.height())));
        }
        if (!top.hash().equals(tip.hash()) || !top.stateRoot().equals(tip.stateRoot()) || top.time() != tip.time()) {
            throw ChainDataException.damaged(
                    "the chain database's tip record does not match block " + tip.height() + "'s header");
        }
    }

    /** Compares the database's tip with the marker; true when the marker must be (re)written. */
    private boolean checkMarker(Optional<TipMarker.Tip> recorded, ChainTip tip) {
        if (recorded.isEmpty()) {
            if (store.stateDigest().isEmpty()) {
                LOG.warn(
                        "{} is missing and the chain database has no state digest: a data folder of an older"
                                + " version. Trusting its chain at height {} on first use; the marker is written now.",
                        marker.file(),
                        tip.height());
                return true;
            }
            if (tip.height() == 0) {
                return true; // the first start stopped between genesis and its marker
            }
            throw ChainDataException.damaged(marker.file() + " is missing, but the chain database at height "
                    + tip.height() + " was written by a version that keeps it");
        }
        TipMarker.Tip m = recorded.get();
        if (tip.height() < m.height()) {
            throw new ChainDataException(
                    Reason.CHAIN_DATA_BEHIND,
                    "the chain database ends at block " + tip.height() + " but block " + m.height() + " " + m.hash()
                            + " was committed (" + marker.file() + ")");
        }
        if (tip.height() == m.height()) {
            if (!tip.hash().equals(m.hash())) {
                throw ChainDataException.damaged("the chain database's block " + tip.height() + " is " + tip.hash()
                        + " but " + m.hash() + " was committed (" + marker.file() + ")");
            }
            return false;
        }
        if (tip.height() == m.height() + 1) {
            Hash atMarker = store.block(m.height()).map(Block::hash).orElse(Hash.ZERO);
            Block next = store.block(tip.height())
                    .orElseThrow(() -> ChainDataException.damaged("the tip block " + tip.height() + " is missing"));
            if (atMarker.equals(m.hash()) && next.header().previousHash().equals(m.hash())) {
                LOG.info(
                        "the chain database is one block ahead of {} (a stop between commit and marker); block {}"
                                + " links to the marked block and reads whole, so the marker moves to it",
                        marker.file(),
                        tip.height());
                return true;
            }
        }
        throw ChainDataException.damaged("the chain database's tip " + tip.height() + " " + tip.hash()
                + " does not follow the committed block " + m.height() + " " + m.hash() + " (" + marker.file() + ")");
    }

    /**
     * Loads the unspent outputs, checking their digest, and sets the balances to their sums (L2);
     * returns the digest.
     */
    private StateDigest checkState(ChainTip tip, LedgerState state) {
        StateDigest[] digest = {StateDigest.EMPTY};
        store.forEachUnspent(u -> {
            state.load(u);
            digest[0] = digest[0].plus(u);
        });
        StateDigest computed = digest[0];
        Optional<StateDigest> recorded = store.stateDigest();
        if (recorded.isPresent() && !recorded.get().equals(computed)) {
            throw ChainDataException.damaged("the unspent outputs in the chain database do not match the digest"
                    + " recorded with block " + tip.height());
        }
        // the balances are the sums of the unspent outputs (L2); the tip's balances root checks them
        try {
            state.recountBalances();
        } catch (ArithmeticException e) {
            throw ChainDataException.damaged(
                    "the unspent outputs in the chain database add up to more than any balance can hold", e);
        }
        return computed;
    }
}
