package global.cas.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.KeyPair;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C1: the proposer rotates by weighted round robin, deterministic from the validator set. */
class ProposerScheduleTest {
    @Test
    @DisplayName("C1: each validator proposes in proportion to its power, spread evenly, and each round passes it on")
    void weightedRoundRobin() {
        Validators v = new Validators(3, 1, 2);
        ProposerSchedule s = new ProposerSchedule(v.set);
        assertThat(s.cycleLength()).isEqualTo(6);
        int[] count = new int[3];
        for (long h = 1; h <= 600; h++) {
            count[s.proposer(h, 0)]++;
        }
        assertThat(count).containsExactly(300, 100, 200);
        // never the same validator 3 times running with weights 3,1,2 (smooth, not blocky)
        for (long h = 1; h < 600; h++) {
            boolean three = s.proposer(h, 0) == s.proposer(h + 1, 0) && s.proposer(h + 1, 0) == s.proposer(h + 2, 0);
            assertThat(three).isFalse();
        }
        assertThat(s.proposer(10, 1)).isEqualTo(s.proposer(11, 0));
        assertThat(new ProposerSchedule(new Validators(3, 1, 2).set).proposer(12345, 7))
                .isEqualTo(s.proposer(12345, 7));
    }

    @Test
    @DisplayName("C1: powers summing far above the cycle are scaled in integers; every validator still proposes")
    void hugePowersScaled() {
        List<Validator> vs = new ArrayList<>();
        SecureRandom r = new SecureRandom(new byte[] {1});
        vs.add(new Validator(KeyPair.random(r).publicKey(), Validator.MAX_POWER));
        vs.add(new Validator(KeyPair.random(r).publicKey(), 1));
        vs.add(new Validator(KeyPair.random(r).publicKey(), Validator.MAX_POWER / 2));
        ProposerSchedule s = new ProposerSchedule(new ValidatorSet(vs));
        assertThat(s.cycleLength()).isLessThanOrEqualTo(ProposerSchedule.MAX_CYCLE + 3);
        boolean[] seen = new boolean[3];
        for (long h = 0; h < s.cycleLength(); h++) {
            seen[s.proposer(h, 0)] = true;
        }
        assertThat(seen).containsOnly(true);
        assertThat(s.proposer(Long.MAX_VALUE, Integer.MAX_VALUE)).isBetween(0, 2);
    }

    @Test
    @DisplayName("C1: the timeouts grow linearly with the round, capped at an hour")
    void linearTimeouts() {
        Timeouts t = Timeouts.DEFAULT;
        assertThat(t.of(Step.PROPOSE, 0)).isEqualTo(1000);
        assertThat(t.of(Step.PROPOSE, 4)).isEqualTo(3000);
        assertThat(t.of(Step.PREVOTE, 2)).isEqualTo(1000);
        assertThat(t.of(Step.PRECOMMIT, Integer.MAX_VALUE)).isEqualTo(Timeouts.MAX_MILLIS);
    }
}
