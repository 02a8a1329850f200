package global.cas.consensus.driver;

import global.cas.chain.DoubleSignEvidence;
import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Vote;
import global.cas.validators.ValidatorSet;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * Double signs passed on between nodes (C4), so that one seen by any node, a follower's included,
 * reaches a validator whose next proposal records it. What this driver detects itself is sent to
 * every peer; what a peer sends is checked (both votes of one validator's slot, for different
 * values, each signed by that validator of the set at its height) and then handed to the chain's
 * evidence pool and sent on to every peer, once per slot. Evidence that does not hold is reported
 * as misbehaviour; evidence for a height not reached yet, or too old to be recorded, is ignored.
 * Not thread-safe: the driver's thread only.
 */
final class EvidenceRelay {
    /** Slots whose evidence was handed on, remembered at most (the oldest forgotten first). */
    static final int MAX_REMEMBERED = 10_000;

    /** One validator's vote slot. */
    private record Slot(global.cas.consensus.VoteType type, long height, int round, int validator) {
        static Slot of(Vote v) {
            return new Slot(v.type(), v.height(), v.round(), v.validator());
        }
    }

    private final ConsensusApp app;
    private final ConsensusNetwork network;
    private final MessageCheck check;
    private final LinkedHashSet<Slot> handed = new LinkedHashSet<>();

    EvidenceRelay(ConsensusApp app, ConsensusNetwork network, MessageCheck check) {
        this.app = app;
        this.network = network;
        this.check = check;
    }

    /** This driver saw {@code first} and {@code second} (already checked): recorded and sent to every peer. */
    void detected(Vote first, Vote second) {
        if (remember(Slot.of(first))) {
            app.evidence(first, second);
            network.broadcast(new ConsensusMessage.EvidenceMessage(first, second));
        }
    }

    /**
     * Evidence from {@code peer}, this driver being at {@code height} with {@code validators}: checked,
     * then recorded and sent on when new.
     */
    void received(String peer, ConsensusMessage.EvidenceMessage m, long height, ValidatorSet validators) {
        Vote a = m.first();
        Vote b = m.second();
        if (!a.sameSlot(b) || a.value().equals(b.value())) {
            network.misbehaved(peer, "evidence of two votes that are not one validator's double sign: " + a + ", " + b);
            return;
        }
        if (a.height() < 1 || a.height() > height || height - a.height() >= DoubleSignEvidence.MAX_AGE_HEIGHTS) {
            return; // not checkable yet, or too old for a block to record: which says nothing bad of the sender
        }
        if (handed.contains(Slot.of(a))) {
            return;
        }
        ValidatorSet set = a.height() == height ? validators : app.validators(a.height());
        Optional<String> fault = check.fault(a, set).or(() -> check.fault(b, set));
        if (fault.isPresent()) {
            network.misbehaved(peer, "evidence with a " + fault.get());
            return;
        }
        detected(a, b);
    }

    private boolean remember(Slot s) {
        if (!handed.add(s)) {
            return false;
        }
        if (handed.size() > MAX_REMEMBERED) {
            handed.remove(handed.iterator().next());
        }
        return true;
    }
}
