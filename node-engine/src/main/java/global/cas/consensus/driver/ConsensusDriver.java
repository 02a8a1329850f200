package global.cas.consensus.driver;

import global.cas.chain.Commit;
import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.DoubleSignGuard;
import global.cas.consensus.HaltCause;
import global.cas.consensus.Input;
import global.cas.consensus.Output;
import global.cas.consensus.Proposal;
import global.cas.consensus.Tendermint;
import global.cas.consensus.Timeouts;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.rejection.RejectedException;
import global.cas.validators.ValidatorSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs consensus height after height on one thread: checks every message's signature against the
 * validators of its height, checks proposed blocks with the chain, feeds {@link Tendermint}, and
 * carries out its outputs. What this validator signs goes through its {@link DoubleSignGuard} into
 * the write-ahead log, fsynced, before it is sent, and is fed back as an input. A restart replays
 * the log: the last signed message restores the guard, the height's entries restore the round,
 * lock and votes. Own messages of the height are sent again every {@link #REBROADCAST_MILLIS} and
 * the height is announced, so lost messages are made good and a peer ahead answers with the
 * committed block (a node behind checks its commit itself, C3; the sync both ways is {@link
 * CatchUp}'s, what it signed {@link OwnMessages}', what the log gives back {@link LogRecovery}'s). A broken invariant (an own double sign about to happen, two different commits at a
 * height, the chain refusing a quorum's block) halts the driver: it stops signing and reports why. Not thread-safe: every method runs on the
 * scheduler's thread.
 */
public final class ConsensusDriver {
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusDriver.class);

    /** How often own messages of the current height are sent again. */
    public static final long REBROADCAST_MILLIS = 1_000;

    /** Messages of a later round than this beyond the current are dropped (memory bound). */
    static final int MAX_ROUNDS_AHEAD = 10_000;

    /** Messages of the next height kept until it starts. */
    static final int MAX_BUFFERED = 20_000;

    private final Tendermint tendermint;
    private final Timeouts timeouts;
    private final String chainId;
    private final ConsensusApp app;
    private final ConsensusNetwork network;
    private final Scheduler scheduler;
    private final Optional<KeyPair> key;
    private final Optional<DoubleSignGuard> guard;
    private final OwnMessages own;
    private final MessageCheck check;
    private final Optional<WriteAheadLog> wal;

    private long height;
    private ValidatorSet validators;
    private int self = -1;
    private boolean signing;
    private boolean decided;
    private String haltReason;
    private HaltCause haltCause;
    private long decidedCount, extraRounds, equivocations;
    /** Blocks committed at heights where this node was a validator and did not precommit the block. */
    private long missed;

    private long generation;
    private final PeerView peers = new PeerView();
    private final LogRecovery recovery = new LogRecovery();
    private final CatchUp catchUp;
    private final EvidenceRelay evidence;

    private final HeightBlocks blocks;
    private final List<Buffered> next = new ArrayList<>();
    private final Set<Vote> seenVotes = new HashSet<>();
    private final Set<Proposal> seenProposals = new HashSet<>();
    private final Set<String> asked = new HashSet<>();

    private final ArrayDeque<Output> pending = new ArrayDeque<>();

    private final List<ConsensusMessage> pendingReplay = new ArrayList<>();
    private Hash decidedValue;

    /** The peer name of messages read back from the write-ahead log. */
    static final String WAL_PEER = "write-ahead-log";

    private record Buffered(String peer, ConsensusMessage message) {}

    /**
     * @param key this node's validator key, or empty for a full node that follows
     * @param wal the write-ahead log (required with a key)
     */
    public ConsensusDriver(
            String chainId,
            Timeouts timeouts,
            ConsensusApp app,
            ConsensusNetwork network,
            Scheduler scheduler,
            Optional<KeyPair> key,
            Optional<WriteAheadLog> wal) {
        if (key.isPresent() && wal.isEmpty()) {
            throw new IllegalArgumentException("a validator needs a write-ahead log");
        }
        this.chainId = chainId;
        this.timeouts = timeouts;
        this.tendermint = new Tendermint(timeouts);
        this.app = app;
        this.network = network;
        this.scheduler = scheduler;
        this.key = key;
        this.wal = wal;
        this.guard = key.map(k -> new DoubleSignGuard(k, chainId, wal.orElseThrow()));
        this.own = new OwnMessages(guard);
        this.check = new MessageCheck(chainId);
        this.catchUp = new CatchUp(app, network, peers);
        this.evidence = new EvidenceRelay(app, network, check);
        this.blocks = new HeightBlocks(app);
    }

    /**
     * Replays the write-ahead log and starts the height after the committed tip.
     *
     * @throws WriteAheadLog.DamagedLogException when the log is damaged before its end
     */
    public void start() {
        long committed = app.committedHeight();
        recovery.open(wal, guard, committed);
        startHeight(committed + 1);
        scheduler.schedule(REBROADCAST_MILLIS, this::rebroadcastTick);
    }

    /** A lone validator that lost its log waits for its peers' block {@code h} first ({@link LogRecovery#loneWaitDue}). */
    private void awaitPeersBeforeSigning(long h) {
        LOG.warn("no consensus write-ahead log: this lone validator waits a second for its peers' block {}", h);
        long gen = generation;
        scheduler.schedule(REBROADCAST_MILLIS, () -> {
            recovery.loneWaitOver();
            if (gen == generation && haltReason == null && !decided) {
                startHeight(h); // nobody had it: this validator makes it
            }
        });
    }

    private void startHeight(long h) {
        height = h;
        generation++;
        decided = false;
        decidedValue = null;
        blocks.clear();
        own.clear();
        asked.clear();
        catchUp.heightStarted(h);
        seenVotes.clear();
        seenProposals.clear();
        validators = app.validators(h);
        self = key.flatMap(k -> validators.indexOf(k.address())).orElse(-1);
        boolean alone = validators.size() == 1;
        signing = self >= 0 && recovery.maySign(h, alone) && own.guardAllows(h);
        if (self >= 0 && recovery.loneWaitDue(h, alone)) {
            awaitPeersBeforeSigning(h);
        }
        wal.ifPresent(w -> w.heightStarted(h));
        List<Output> first = tendermint.startHeight(h, validators, signing ? self : -1);
        restoreFromLog(h);
        pending.addAll(first);
        drainPending();
        List<ConsensusMessage> again = List.copyOf(pendingReplay);
        pendingReplay.clear();
        for (ConsensusMessage m : again) {
            receive(WAL_PEER, m);
        }
        List<Buffered> buffered = List.copyOf(next);
        next.clear();
        for (Buffered b : buffered) {
            receive(b.peer(), b.message());
        }
        catchUp.take(h).ifPresent(k -> receive(k.peer(), k.block()));
        network.broadcast(new ConsensusMessage.StatusMessage(h));
        catchUp.askRanges(h);
    }

    /** Feeds what the log holds of height {@code h}: own messages as own, received ones again. */
    private void restoreFromLog(long h) {
        LogRecovery.Restored r = recovery.take(h);
        r.own().forEach(this::restoreOwn);
        pendingReplay.addAll(r.received());
    }

    private void restoreOwn(ConsensusMessage m) {
        own.restored(m);
        switch (m) {
            case ConsensusMessage.ProposalMessage p -> {
                ConsensusApp.Checked c = blocks.check(height, p.block());
                feed(new Input.ProposalReceived(p.proposal(), c.valid()));
            }
            case ConsensusMessage.VoteMessage v -> feed(new Input.VoteReceived(v.vote()));
            default -> {}
        }
    }

    // ---- messages from peers

    /** Handles one message from {@code peer}. */
    public void receive(String peer, ConsensusMessage message) {
        if (haltReason != null) {
            return;
        }
        switch (message) {
            case ConsensusMessage.ProposalMessage p -> onProposal(peer, p);
            case ConsensusMessage.VoteMessage v -> onVote(peer, v);
            case ConsensusMessage.DecidedMessage d -> onDecided(peer, d);
            case ConsensusMessage.StatusMessage s -> onStatus(peer, s.height());
            case ConsensusMessage.RangeRequest r -> {
                if (r.from() >= 1 && r.from() < height) {
                    catchUp.sendRange(peer, r.from(), height);
                }
            }
            case ConsensusMessage.EvidenceMessage x -> evidence.received(peer, x, height, validators);
        }
        drainPending();
    }

    /** Whether a message of {@code h} is for now, later (buffered or asked for) or the past (answered). */
    private boolean current(String peer, long h, ConsensusMessage m) {
        if (h == height) {
            return true;
        }
        if (h < height) {
            catchUp.sendRange(peer, h, height);
        } else {
            if (h == height + 1 && next.size() < MAX_BUFFERED) {
                next.add(new Buffered(peer, m));
            }
            askFor(peer);
        }
        return false;
    }

    private void onProposal(String peer, ConsensusMessage.ProposalMessage m) {
        Proposal p = m.proposal();
        if (!current(peer, p.height(), m)
                || p.round() > tendermint.round() + MAX_ROUNDS_AHEAD
                || seenProposals.contains(p)) {
            return;
        }
        Optional<String> fault = check.fault(p, validators);
        if (fault.isPresent()) {
            network.misbehaved(peer, fault.get());
            return;
        }
        ConsensusApp.Checked c = blocks.check(height, m.block());
        if (!c.hash().equals(p.value())) {
            network.misbehaved(
                    peer,
                    "proposal of " + p.value().hex() + " carries block "
                            + c.hash().hex());
            return;
        }
        if (!c.valid()) {
            LOG.info("proposal at height {} round {} is invalid: {}", p.height(), p.round(), c.reason());
        }
        seenProposals.add(p);
        if (!peer.equals(WAL_PEER)) {
            wal.ifPresent(w -> w.received(m, c.valid()));
        }
        feed(new Input.ProposalReceived(p, c.valid()));
    }

    private void onVote(String peer, ConsensusMessage.VoteMessage m) {
        Vote v = m.vote();
        if (!current(peer, v.height(), m) || v.round() > tendermint.round() + MAX_ROUNDS_AHEAD || !seenVotes.add(v)) {
            return; // a vote seen before (sent again) is not verified twice
        }
        Optional<String> fault = check.fault(v, validators);
        if (fault.isPresent()) {
            network.misbehaved(peer, fault.get());
            return;
        }
        if (!peer.equals(WAL_PEER)) {
            wal.ifPresent(w -> w.received(m, true));
            peers.votesOf(peer, v.validator());
        }
        feed(new Input.VoteReceived(v));
    }

    /** A committed block from a peer: checked by its commit alone (C3), then committed here too. */
    private void onDecided(String peer, ConsensusMessage.DecidedMessage d) {
        if (d.height() != height) {
            if (d.height() > height) {
                catchUp.keep(height, peer, d);
                askFor(peer);
            }
            return;
        }
        if (!decided && catchUp.holds(height + 1)) {
            importRun(peer, d);
            return;
        }
        ConsensusApp.Checked c = blocks.check(height, d.block());
        List<Commit.Counted> counted;
        try {
            counted = d.commit().verify(chainId, height, c.hash(), validators);
        } catch (RejectedException e) {
            network.misbehaved(peer, "block " + height + " with a commit that does not hold: " + e.getMessage());
            return;
        }
        if (decided) {
            if (!c.hash().equals(decidedValue)) {
                halt(HaltCause.TWO_COMMITS, twoCommits(c.hash()));
            }
            return;
        }
        if (!c.valid()) {
            stateDiffers("block " + c.hash().hex() + " at height " + height, c.reason());
            return;
        }
        LOG.debug("height {} committed from a peer's block and commit ({} precommits)", height, counted.size());
        decide(d.commit().round(), c.hash(), d.block(), d.commit(), true);
    }

    /**
     * Commits the committed block of this height with those of the next heights kept ahead, as one
     * batch (a node far behind): each is checked by its commit alone (C3), then executed.
     */
    private void importRun(String peer, ConsensusMessage.DecidedMessage first) {
        CatchUp.Run run = catchUp.takeRun(height, peer, first);
        long start = height;
        ConsensusApp.Imported done;
        try {
            done = app.importFinal(start, run.finals());
        } catch (RuntimeException e) {
            halt(
                    HaltCause.STORAGE_FAILED,
                    "The chain could not store committed blocks from height " + start + ": " + e.getMessage());
            return;
        }
        decidedCount += done.committedHeight() - (start - 1);
        for (long h = start; h <= done.committedHeight(); h++) {
            countMissed(h); // committed while this node was behind: it signed none of them
        }
        if (done.refused().isPresent()) {
            ConsensusApp.Imported.Refusal r = done.refused().get();
            if (!r.peerFault()) {
                stateDiffers("block " + r.height(), r.reason());
                return;
            }
            network.misbehaved(run.sender((int) (r.height() - start)), r.reason());
        }
        if (done.committedHeight() >= start) {
            startHeight(done.committedHeight() + 1);
        }
    }

    private void onStatus(String peer, long h) {
        if (!peer.equals(WAL_PEER)) {
            peers.heightSaid(peer, h);
        }
        if (h < height) {
            catchUp.sendRange(peer, h, height);
        } else if (h > height) {
            askFor(peer);
            catchUp.askRanges(height);
        }
    }

    /**
     * The chain committed up to {@code committedHeight} by a path other than this driver (anything
     * that commits outside consensus): the driver leaves the heights now behind it and starts the
     * one after. Its own decision of the current height is not one of these: that height's next
     * starts after the commit pause.
     */
    public void chainAdvanced(long committedHeight) {
        if (haltReason != null || committedHeight < height || (decided && committedHeight == height)) {
            return;
        }
        LOG.debug("the chain is at {} without this driver; consensus moves from height {}", committedHeight, height);
        startHeight(committedHeight + 1);
    }

    private void askFor(String peer) {
        if (asked.add(peer)) {
            network.send(peer, new ConsensusMessage.StatusMessage(height));
        }
    }

    // ---- outputs

    private void feed(Input input) {
        if (haltReason == null) {
            pending.addAll(tendermint.handle(input));
        }
    }

    private void drainPending() {
        while (!pending.isEmpty() && haltReason == null) {
            Output o = pending.poll();
            try {
                carryOut(o);
            } catch (DoubleSignGuard.DoubleSignRefused e) {
                if (e.slotPassed()) {
                    LOG.debug("not signed: {}", e.getMessage()); // the log is ahead of what was restored
                } else {
                    halt(HaltCause.OWN_DOUBLE_SIGN, e.getMessage());
                }
            }
        }
        pending.clear();
    }

    private void carryOut(Output o) {
        switch (o) {
            case Output.BuildProposal b -> build(b.height(), b.round());
            case Output.SendProposal s -> sendProposal(s);
            case Output.SendVote v -> sendVote(v);
            case Output.ScheduleTimeout t -> {
                long gen = generation;
                scheduler.schedule(t.millis(), () -> timeout(gen, t));
            }
            case Output.Decide d ->
                decide(d.round(), d.value(), blocks.bytes(d.value()).orElse(null), d.commit(), false);
            case Output.Equivocation e -> {
                equivocations++;
                LOG.warn(
                        "validator {} signed two votes for one slot: {} and {}",
                        e.first().validator(),
                        e.first(),
                        e.second());
                evidence.detected(e.first(), e.second());
            }
            case Output.Halt h -> halt(h.cause(), h.reason());
        }
    }

    private void build(long h, int r) {
        ConsensusApp.Built built;
        Optional<ConsensusMessage.ProposalMessage> signed = own.proposal(h, r);
        if (signed.isPresent()) {
            byte[] block = signed.get().block(); // signed before a restart: the same block again
            ConsensusApp.Checked c = blocks.check(height, block);
            built = new ConsensusApp.Built(c.hash(), block, c.time());
        } else {
            built = app.build(h, scheduler.now());
            blocks.built(built);
        }
        feed(new Input.ProposalBuilt(h, r, built.hash()));
    }

    private void sendProposal(Output.SendProposal s) {
        byte[] block = blocks.bytes(s.value()).orElse(null);
        if (block == null) {
            halt(
                    HaltCause.INTERNAL,
                    "asked to propose block " + s.value().hex() + " whose bytes this node does not hold");
            return;
        }
        ConsensusMessage.ProposalMessage m = own.propose(s.height(), s.round(), s.value(), s.polRound(), self, block);
        network.broadcast(m);
        feed(new Input.ProposalReceived(m.proposal(), blocks.verdict(s.value()).valid()));
    }

    private void sendVote(Output.SendVote s) {
        long now = scheduler.now();
        long timestamp = now;
        if (s.type() == VoteType.PRECOMMIT && !s.value().equals(Vote.NIL)) {
            ConsensusApp.Checked c = blocks.verdict(s.value());
            timestamp = Math.max(now, c.time() + 1); // the commit's time comes after the block's (C5)
        }
        ConsensusMessage.VoteMessage m = own.vote(s.type(), s.height(), s.round(), s.value(), timestamp, self);
        network.broadcast(m);
        feed(new Input.VoteReceived(m.vote()));
    }

    private void timeout(long gen, Output.ScheduleTimeout t) {
        if (gen != generation || haltReason != null) {
            return;
        }
        feed(new Input.TimeoutFired(t.step(), t.height(), t.round()));
        drainPending();
    }

    /** More than two thirds committed {@code what}, which this node finds invalid for {@code why}. */
    private void stateDiffers(String what, String why) {
        halt(
                HaltCause.STATE_DIFFERS,
                "More than two thirds of the voting power committed " + what + ", which this node finds invalid (" + why
                        + "): its state differs from theirs.");
    }

    private String twoCommits(Hash other) {
        return "Two different blocks hold commits at height " + height + ": " + decidedValue.hex() + " and "
                + other.hex() + ". More than a third of the voting power signed both; this node stops rather than"
                + " follow either.";
    }

    /**
     * Commits {@code value}; the next height starts after the commit pause, or at once when the
     * block came committed from a peer (this node is catching up).
     */
    private void decide(int round, Hash value, byte[] bytes, Commit commit, boolean catchingUp) {
        if (decided) {
            if (!value.equals(decidedValue)) {
                halt(HaltCause.TWO_COMMITS, twoCommits(value));
            }
            return;
        }
        decided = true;
        decidedValue = value;
        try {
            app.commit(height, value, bytes, commit);
        } catch (RuntimeException e) {
            halt(
                    HaltCause.STORAGE_FAILED,
                    "The chain refused block " + value.hex() + " at height " + height
                            + ", which more than two thirds of the voting power precommitted: " + e.getMessage());
            return;
        }
        decidedCount++;
        extraRounds += round;
        boolean precommitted = own.precommitted(value);
        if (!precommitted) {
            countMissed(height);
        }
        long gen = generation;
        long h = height;
        scheduler.schedule(catchingUp ? 0 : timeouts.commitMillis(), () -> {
            if (gen == generation && haltReason == null) {
                startHeight(h + 1);
            }
        });
    }

    /** Block {@code h} was committed without this node's precommit: missed, if its key validates at {@code h}. */
    private void countMissed(long h) {
        if (key.isPresent() && app.validators(h).indexOf(key.get().address()).isPresent()) {
            missed++;
        }
    }

    private void rebroadcastTick() {
        if (haltReason != null) {
            return;
        }
        for (ConsensusMessage m : own.all()) {
            network.broadcast(m);
        }
        network.broadcast(new ConsensusMessage.StatusMessage(height));
        asked.clear();
        catchUp.tick();
        scheduler.schedule(REBROADCAST_MILLIS, this::rebroadcastTick);
    }

    private void halt(HaltCause cause, String reason) {
        if (haltReason != null) {
            return;
        }
        haltReason = reason;
        haltCause = cause;
        pending.clear();
        LOG.error("consensus halted at height {}: {}", height, reason);
        app.halted(reason);
    }

    public ConsensusStatus status() {
        return new ConsensusStatus(
                height,
                tendermint.round(),
                tendermint.step(),
                self,
                signing,
                decidedCount,
                missed,
                extraRounds,
                equivocations,
                Optional.ofNullable(haltReason),
                Optional.ofNullable(haltCause),
                peers.highest(),
                peers.heights(),
                peers.validators());
    }
}
