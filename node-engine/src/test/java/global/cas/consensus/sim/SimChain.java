package global.cas.consensus.sim;

import global.cas.chain.Commit;
import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.consensus.Vote;
import global.cas.consensus.driver.ConsensusApp;
import global.cas.crypto.Hash;
import global.cas.rejection.RejectedException;
import global.cas.validators.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node's chain in the simulation: blocks that link to their parent, carry the parent's commit
 * and take their time from it (C5, as the real executor does), checked and committed with the real
 * {@link Commit} rules (C3). Its committed blocks survive a crash of the node.
 */
final class SimChain implements ConsensusApp {
    record Stored(Hash hash, byte[] bytes, long time, Commit commit, long committedPower) {}

    private record SimBlock(long height, Hash parent, long time, int proposer, Commit lastCommit, long nonce) {
        byte[] encode() {
            Encoder e = new Encoder(128).u64(height).hash(parent).u64(time).u32(proposer);
            lastCommit.encode(e);
            return e.u64(nonce).toBytes();
        }

        static SimBlock decode(byte[] b) {
            Decoder d = new Decoder(b);
            SimBlock s = new SimBlock(d.u64(), d.hash(), d.u64(), d.u32(), Commit.decode(d), d.u64());
            d.finish();
            return s;
        }
    }

    static final long GENESIS_TIME = Simulation.EPOCH - 86_400_000;
    private static final Hash GENESIS = Hash.sha256(new byte[] {'g'});

    private final String chainId;
    private final ValidatorSet validators;
    private final int proposerIndex;
    private final Consumer<Stored> onCommit;
    private final List<Stored> blocks = new ArrayList<>();
    private long nonce;
    boolean buildsInvalid;
    String haltedReason;
    final List<Vote[]> evidence = new ArrayList<>();

    SimChain(String chainId, ValidatorSet validators, int proposerIndex, long nonceSeed, Consumer<Stored> onCommit) {
        this.chainId = chainId;
        this.validators = validators;
        this.proposerIndex = proposerIndex;
        this.nonce = nonceSeed;
        this.onCommit = onCommit;
    }

    List<Stored> blocks() {
        return blocks;
    }

    private Hash tipHash() {
        return blocks.isEmpty() ? GENESIS : blocks.getLast().hash();
    }

    private long tipTime() {
        return blocks.isEmpty() ? GENESIS_TIME : blocks.getLast().time();
    }

    private Commit lastCommit() {
        return blocks.isEmpty() ? Commit.genesis(GENESIS) : blocks.getLast().commit();
    }

    @Override
    public long committedHeight() {
        return blocks.size();
    }

    @Override
    public ValidatorSet validators(long height) {
        return validators;
    }

    @Override
    public Built build(long height, long now) {
        long time = blocks.isEmpty()
                ? Math.max(now, GENESIS_TIME + 1)
                : Commit.weightedMedian(lastCommit().verify(chainId, height - 1, tipHash(), validators));
        Hash parent = buildsInvalid ? Hash.sha256(new byte[] {'x'}) : tipHash();
        byte[] bytes = new SimBlock(height, parent, time, proposerIndex, lastCommit(), nonce++).encode();
        return new Built(Hash.sha256(bytes), bytes, time);
    }

    @Override
    public Checked check(long height, byte[] bytes) {
        Hash hash = Hash.sha256(bytes);
        SimBlock b;
        try {
            b = SimBlock.decode(bytes);
        } catch (RejectedException e) {
            return Checked.invalid(Hash.ZERO, "does not decode");
        }
        if (b.height() != height || height != blocks.size() + 1) {
            return Checked.invalid(hash, "height " + b.height() + " does not follow " + blocks.size());
        }
        if (!b.parent().equals(tipHash())) {
            return Checked.invalid(hash, "does not link to the tip");
        }
        long expect;
        if (blocks.isEmpty()) {
            if (!b.lastCommit().equals(Commit.genesis(GENESIS))) {
                return Checked.invalid(hash, "block 1 must carry the genesis commit");
            }
            expect = b.time();
        } else {
            try {
                expect = Commit.weightedMedian(b.lastCommit().verify(chainId, height - 1, tipHash(), validators));
            } catch (RejectedException e) {
                return Checked.invalid(hash, "bad last commit: " + e.getMessage());
            }
        }
        if (b.time() != expect || b.time() <= tipTime()) {
            return Checked.invalid(hash, "time " + b.time() + " is not the last commit's median after " + tipTime());
        }
        return Checked.valid(hash, b.time());
    }

    @Override
    public void commit(long height, Hash hash, byte[] bytes, Commit commit) {
        if (height != blocks.size() + 1) {
            throw new IllegalStateException("commit of " + height + " on a chain at " + blocks.size());
        }
        Checked c = check(height, bytes);
        if (!c.valid() || !c.hash().equals(hash)) {
            throw new IllegalStateException("commit of an invalid block: " + c.reason());
        }
        List<Commit.Counted> counted = commit.verify(chainId, height, hash, validators); // C3
        long median = Commit.weightedMedian(counted);
        if (median <= c.time()) {
            throw new IllegalStateException("the commit's time " + median + " is not after the block's " + c.time());
        }
        long power = counted.stream().mapToLong(Commit.Counted::power).sum();
        Stored s = new Stored(hash, bytes, c.time(), commit, power);
        blocks.add(s);
        onCommit.accept(s);
    }

    @Override
    public Imported importFinal(long from, List<Final> run) {
        for (int i = 0; i < run.size(); i++) {
            long h = from + i;
            Final f = run.get(i);
            Checked c = check(h, f.bytes());
            try {
                f.commit().verify(chainId, h, c.hash(), validators);
            } catch (RejectedException e) {
                return new Imported(blocks.size(), Optional.of(new Imported.Refusal(h, true, e.getMessage())));
            }
            if (!c.valid()) {
                return new Imported(blocks.size(), Optional.of(new Imported.Refusal(h, false, c.reason())));
            }
            commit(h, c.hash(), f.bytes(), f.commit());
        }
        return new Imported(blocks.size(), Optional.empty());
    }

    @Override
    public Optional<Final> committed(long height) {
        if (height < 1 || height > blocks.size()) {
            return Optional.empty();
        }
        Stored s = blocks.get((int) height - 1);
        return Optional.of(new Final(s.bytes(), s.commit()));
    }

    @Override
    public void evidence(Vote first, Vote second) {
        evidence.add(new Vote[] {first, second});
    }

    @Override
    public void halted(String reason) {
        haltedReason = reason;
    }
}
