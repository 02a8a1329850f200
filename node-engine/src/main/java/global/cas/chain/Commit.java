package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The proof that a block is final (C3): precommits for its hash, at one round, from validators of
 * its height holding more than two thirds of the voting power. Stored with the block and carried
 * by the next block as its last commit, so any node checks a block it syncs without trusting the
 * peer that sent it. A lone validator's commit has one precommit, its own. Immutable.
 */
public record Commit(long height, int round, Hash blockHash, List<Precommit> precommits) {
    private static final byte[] DOMAIN = "CAS commit".getBytes(StandardCharsets.US_ASCII);

    /** The last commit of block 0, which follows no block. */
    public static final Commit NONE = new Commit(0, 0, Hash.ZERO, List.of());

    /** The last commit of block 1: genesis is final by definition and has no precommits. */
    public static Commit genesis(Hash genesisHash) {
        return new Commit(0, 0, genesisHash, List.of());
    }

    public Commit {
        precommits = List.copyOf(precommits);
        if (round < 0) {
            throw new IllegalArgumentException("a round is 0 or more");
        }
    }

    public void encode(Encoder e) {
        e.u64(height).u32(round).hash(blockHash);
        e.list(precommits, (enc, p) -> p.encode(enc));
    }

    public byte[] encoded() {
        Encoder e = new Encoder(48 + precommits.size() * 80);
        encode(e);
        return e.toBytes();
    }

    public static Commit decode(Decoder d) {
        long height = d.u64();
        int round = d.u32();
        if (round < 0) {
            throw Decoder.malformed("negative round");
        }
        return new Commit(height, round, d.hash(), d.list(ValidatorSet.MAX_VALIDATORS, Precommit::decode));
    }

    public static Commit decode(byte[] bytes) {
        Decoder d = new Decoder(bytes);
        Commit c = decode(d);
        d.finish();
        return c;
    }

    /** The header's last-commit hash. */
    public Hash hash() {
        return Hash.sha256(DOMAIN, encoded());
    }

    /**
     * Checks that this commits block {@code hash} at {@code height}: each precommit from a distinct
     * validator of {@code validators}, signature valid, together more than two thirds of the power
     * (C3). Returns the precommits in timestamp order, with their power, for the block time.
     *
     * @throws RejectedException {@code BAD_COMMIT} naming the first fault
     */
    public List<Counted> verify(String chainId, long expectHeight, Hash expectHash, ValidatorSet validators) {
        if (height != expectHeight || !blockHash.equals(expectHash)) {
            throw bad("The commit is for block " + height + " " + blockHash + ", not " + expectHeight + " " + expectHash
                    + ".");
        }
        Set<Integer> seen = new HashSet<>();
        List<Counted> counted = new ArrayList<>(precommits.size());
        long power = 0;
        for (Precommit p : precommits) {
            if (p.validatorIndex() < 0 || p.validatorIndex() >= validators.size()) {
                throw bad("A precommit names validator " + p.validatorIndex() + " of " + validators.size() + ".");
            }
            if (!seen.add(p.validatorIndex())) {
                throw bad("Validator " + p.validatorIndex() + " precommits twice.");
            }
            Validator v = validators.get(p.validatorIndex());
            byte[] msg = Precommit.signBytes(chainId, height, round, blockHash, p.timestamp());
            if (!v.key().verify(msg, p.signature())) {
                throw bad("The precommit of validator " + p.validatorIndex() + " does not verify.");
            }
            power += v.power();
            counted.add(new Counted(p.timestamp(), v.power()));
        }
        if (!validators.isQuorum(power)) {
            throw bad("The commit holds " + power + " of " + validators.totalPower()
                    + " voting power, not more than two thirds (C3).");
        }
        counted.sort(Comparator.comparingLong(Counted::timestamp));
        return counted;
    }

    /** A precommit that counts toward the quorum: its timestamp and its validator's power. */
    public record Counted(long timestamp, long power) {}

    /**
     * The voting-power-weighted median of the counted precommits' timestamps (C5): the first
     * timestamp, in order, at which the power so far exceeds half the counted power. Only the
     * precommits that count toward the quorum take part, so validators outside it cannot move the
     * time (the CometBFT "Tachyon" advisory). Integer arithmetic only.
     */
    public static long weightedMedian(List<Counted> sortedCounted) {
        if (sortedCounted.isEmpty()) {
            throw new IllegalArgumentException("a commit has at least one precommit");
        }
        long total = 0;
        for (Counted c : sortedCounted) {
            total += c.power();
        }
        long sum = 0;
        for (Counted c : sortedCounted) {
            sum += c.power();
            if (2 * sum > total) {
                return c.timestamp();
            }
        }
        return sortedCounted.get(sortedCounted.size() - 1).timestamp();
    }

    private static RejectedException bad(String what) {
        return new RejectedException(Reason.BAD_COMMIT, what);
    }
}
