package global.cas.consensus;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test validators: deterministic keys, a set with the given powers, and signed messages from them. */
final class Validators {
    static final String CHAIN = "cas-consensus-test";

    final List<KeyPair> keys = new ArrayList<>();
    final ValidatorSet set;

    Validators(long... powers) {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < powers.length; i++) {
            byte[] seed = Hash.sha256(("validator " + i).getBytes(StandardCharsets.US_ASCII))
                    .bytes();
            KeyPair k = KeyPair.fromSeed(seed);
            keys.add(k);
            vs.add(new Validator(k.publicKey(), powers[i]));
        }
        set = new ValidatorSet(vs);
    }

    static Validators equal(int n) {
        long[] p = new long[n];
        java.util.Arrays.fill(p, 10);
        return new Validators(p);
    }

    Vote vote(int validator, VoteType type, long height, int round, Hash value) {
        return Vote.sign(keys.get(validator), CHAIN, type, height, round, value, 1_000 + round, validator);
    }

    Input.VoteReceived prevote(int validator, long height, int round, Hash value) {
        return new Input.VoteReceived(vote(validator, VoteType.PREVOTE, height, round, value));
    }

    Input.VoteReceived precommit(int validator, long height, int round, Hash value) {
        return new Input.VoteReceived(vote(validator, VoteType.PRECOMMIT, height, round, value));
    }

    Input.ProposalReceived proposal(long height, int round, Hash value, int polRound, boolean valid) {
        int proposer = new ProposerSchedule(set).proposer(height, round);
        return new Input.ProposalReceived(
                Proposal.sign(keys.get(proposer), CHAIN, height, round, value, polRound, proposer), valid);
    }

    static Hash block(String name) {
        return Hash.sha256(name.getBytes(StandardCharsets.US_ASCII));
    }
}
