package global.cas.consensus.sim;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Proposal;
import global.cas.consensus.Timeouts;
import global.cas.consensus.Vote;
import global.cas.consensus.driver.ConsensusDriver;
import global.cas.consensus.driver.ConsensusNetwork;
import global.cas.consensus.driver.Scheduler;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * N validators (and optionally twins: second nodes holding the key of a validator, the "twins" way
 * of making a validator equivocate) running the real {@link ConsensusDriver} in virtual time. Every
 * event (a timer or a message delivery) runs alone, in time order, ties broken by sequence; every
 * random choice comes from one {@link SplittableRandom} of the seed, so a seed replays exactly.
 * After every event the invariants are checked; a broken one throws {@link Violation} with the
 * seed and the virtual time.
 */
final class Simulation {
    static final String CHAIN = "cas-sim";

    /** Virtual time 0 on the nodes' clocks: 2026-12-01, a day after genesis. */
    static final long EPOCH = 1_796_083_200_000L;

    /** An invariant broke. */
    static final class Violation extends AssertionError {
        Violation(String message) {
            super(message);
        }
    }

    /** How the simulated network treats each message. Probabilities in parts per 1,000 (integers only). */
    record NetworkFaults(int dropPerMille, int duplicatePerMille, long minDelayMillis, long maxDelayMillis) {
        static final NetworkFaults CLEAN = new NetworkFaults(0, 0, 5, 30);
        static final NetworkFaults LOSSY = new NetworkFaults(150, 100, 5, 400);
    }

    private record Event(long time, long seq, Runnable task) {}

    final class Node {
        final int id;
        final int validatorIndex;
        final KeyPair key;
        final SimChain chain;
        MemoryWalStorage wal = new MemoryWalStorage();
        ConsensusDriver driver;
        long skewMillis;
        int incarnation;
        boolean up;

        Node(int id, int validatorIndex, KeyPair key) {
            this.id = id;
            this.validatorIndex = validatorIndex;
            this.key = key;
            this.chain = new SimChain(CHAIN, validators, validatorIndex, (long) id << 40, s -> committed(this, s));
        }

        String peerId() {
            return "n" + id;
        }

        void boot() {
            incarnation++;
            up = true;
            int inc = incarnation;
            Scheduler scheduler = new Scheduler() {
                @Override
                public long now() {
                    return EPOCH + time + skewMillis;
                }

                @Override
                public void schedule(long delayMillis, Runnable task) {
                    at(time + delayMillis, () -> {
                        if (up && incarnation == inc) {
                            task.run();
                        }
                    });
                }
            };
            ConsensusNetwork net = new ConsensusNetwork() {
                @Override
                public void broadcast(ConsensusMessage message) {
                    observeSent(Node.this, message);
                    for (Node other : nodes) {
                        if (other != Node.this) {
                            deliver(Node.this, other, message);
                        }
                    }
                }

                @Override
                public boolean send(String peer, ConsensusMessage message) {
                    observeSent(Node.this, message);
                    deliver(Node.this, nodes.get(Integer.parseInt(peer.substring(1))), message);
                    return true;
                }

                @Override
                public void misbehaved(String peer, String reason) {
                    misbehaviour.add(peer + ": " + reason);
                }
            };
            driver = new ConsensusDriver(
                    CHAIN, timeouts, chain, net, scheduler, Optional.of(key), Optional.of(new WriteAheadLog(wal)));
            driver.start();
        }

        /** {@code kill -9}: timers and messages in flight to it are lost; unsynced log bytes may tear. */
        void crash() {
            up = false;
            wal.crash(random);
        }
    }

    final SplittableRandom random;
    final long seed;
    final ValidatorSet validators;
    final List<KeyPair> keys = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final Set<Integer> byzantine = new HashSet<>();
    final List<String> misbehaviour = new ArrayList<>();
    private final Timeouts timeouts;
    private final PriorityQueue<Event> events =
            new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;
    long time;
    NetworkFaults faults = NetworkFaults.CLEAN;
    private List<Set<Integer>> partition = List.of();
    private final Map<Long, Hash> decided = new HashMap<>();
    private final Map<String, Hash> signedSlots = new HashMap<>();
    private long lastTime = -1;
    long eventsRun;

    Simulation(long seed, int validatorCount, Timeouts timeouts) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.timeouts = timeouts;
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < validatorCount; i++) {
            KeyPair k = KeyPair.fromSeed(Hash.sha256(("sim validator " + i).getBytes(StandardCharsets.US_ASCII))
                    .bytes());
            keys.add(k);
            vs.add(new Validator(k.publicKey(), 10));
        }
        validators = new ValidatorSet(vs);
        for (int i = 0; i < validatorCount; i++) {
            nodes.add(new Node(i, i, keys.get(i)));
        }
    }

    /** Adds a second node holding validator {@code index}'s key: that validator is now byzantine. */
    Node addTwin(int index) {
        Node twin = new Node(nodes.size(), index, keys.get(index));
        nodes.add(twin);
        byzantine.add(index);
        return twin;
    }

    void startAll() {
        for (Node n : nodes) {
            n.boot();
        }
    }

    void at(long when, Runnable task) {
        events.add(new Event(when, seq++, task));
    }

    /** Splits the network: messages flow only inside each group of node ids. Empty: whole again. */
    void partition(List<Set<Integer>> groups) {
        this.partition = List.copyOf(groups);
    }

    private boolean connected(Node a, Node b) {
        if (partition.isEmpty()) {
            return true;
        }
        for (Set<Integer> g : partition) {
            if (g.contains(a.id)) {
                return g.contains(b.id);
            }
        }
        return false;
    }

    private void deliver(Node from, Node to, ConsensusMessage message) {
        if (!connected(from, to) || random.nextInt(1000) < faults.dropPerMille()) {
            return;
        }
        byte[] wire = message.encode();
        int copies = random.nextInt(1000) < faults.duplicatePerMille() ? 2 : 1;
        for (int c = 0; c < copies; c++) {
            long delay =
                    faults.minDelayMillis() + random.nextLong(faults.maxDelayMillis() - faults.minDelayMillis() + 1);
            int inc = to.incarnation;
            at(time + delay, () -> {
                if (to.up && to.incarnation == inc) {
                    to.driver.receive(from.peerId(), ConsensusMessage.decode(wire));
                }
            });
        }
    }

    /** Runs events until virtual time {@code until}, checking the invariants after each. */
    void runUntil(long until) {
        while (!events.isEmpty() && events.peek().time <= until) {
            Event e = events.poll();
            time = e.time;
            e.task.run();
            eventsRun++;
            checkHalts();
        }
        time = Math.max(time, until);
    }

    void runFor(long millis) {
        runUntil(time + millis);
    }

    // ---- invariants

    private String where() {
        return " [seed " + seed + ", virtual time " + time + " ms]";
    }

    private void committed(Node node, SimChain.Stored s) {
        long h = node.chain.committedHeight();
        Hash before = decided.putIfAbsent(h, s.hash());
        if (before != null && !before.equals(s.hash())) {
            throw new Violation("two blocks committed at height " + h + ": " + before.hex() + " and "
                    + s.hash().hex() + " (node " + node.id + ")" + where());
        }
        // every commit holds more than 2/3 of the power (C3): SimChain verified its signatures
        if (3 * s.committedPower() <= 2 * validators.totalPower() || s.commit().height() != h) {
            throw new Violation("commit without quorum at height " + h + where());
        }
        List<SimChain.Stored> bs = node.chain.blocks();
        if (bs.size() > 1 && bs.get(bs.size() - 2).time() >= s.time()) {
            throw new Violation("block time does not grow at height " + h + where());
        }
    }

    private void observeSent(Node node, ConsensusMessage m) {
        if (byzantine.contains(node.validatorIndex)) {
            return;
        }
        String slot;
        Hash value;
        switch (m) {
            case ConsensusMessage.ProposalMessage p -> {
                Proposal pr = p.proposal();
                slot = node.validatorIndex + "/" + pr.height() + "/" + pr.round() + "/proposal";
                value = pr.value();
            }
            case ConsensusMessage.VoteMessage v -> {
                Vote vo = v.vote();
                slot = node.validatorIndex + "/" + vo.height() + "/" + vo.round() + "/" + vo.type();
                value = vo.value();
            }
            default -> {
                return;
            }
        }
        Hash before = signedSlots.putIfAbsent(slot, value);
        if (before != null && !before.equals(value)) {
            throw new Violation("honest validator " + node.validatorIndex + " double signed at " + slot + where());
        }
    }

    private void checkHalts() {
        if (time < lastTime) {
            throw new Violation("virtual time went back" + where());
        }
        lastTime = time;
        for (Node n : nodes) {
            if (!byzantine.contains(n.validatorIndex) && n.chain.haltedReason != null) {
                throw new Violation("honest node " + n.id + " halted: " + n.chain.haltedReason + where());
            }
        }
    }

    /** The lowest committed height among the honest nodes that are up. */
    long minHonestHeight() {
        return nodes.stream()
                .filter(n -> n.up && !byzantine.contains(n.validatorIndex))
                .mapToLong(n -> n.chain.committedHeight())
                .min()
                .orElse(0);
    }

    long maxHeight() {
        return nodes.stream().mapToLong(n -> n.chain.committedHeight()).max().orElse(0);
    }

    int decidedHeights() {
        return decided.size();
    }

    long evidenceSeen() {
        return nodes.stream().mapToLong(n -> n.chain.evidence.size()).sum();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("seed " + seed + " at " + time + " ms:");
        for (Node n : nodes) {
            b.append(" n").append(n.id).append('=').append(n.chain.committedHeight());
            if (n.up) {
                b.append('(').append(n.driver.status().round()).append(')');
            } else {
                b.append("(down)");
            }
        }
        return b.toString();
    }
}
