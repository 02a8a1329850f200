package global.cas.consensus.driver;

import global.cas.consensus.Proposal;
import global.cas.consensus.Vote;
import global.cas.validators.ValidatorSet;
import java.util.Optional;

/**
 * Whether a peer's proposal or vote is signed by the validator of this height's set it names; what
 * is wrong with it otherwise, said for the log before its sender is banned.
 */
record MessageCheck(String chainId) {
    Optional<String> fault(Proposal p, ValidatorSet validators) {
        if (p.proposer() < 0 || p.proposer() >= validators.size()) {
            return Optional.of("proposal from validator " + p.proposer() + " of " + validators.size());
        }
        if (!p.verify(chainId, validators.get(p.proposer()).key())) {
            return Optional.of("proposal at height " + p.height() + " with a bad signature");
        }
        return Optional.empty();
    }

    Optional<String> fault(Vote v, ValidatorSet validators) {
        if (v.validator() < 0 || v.validator() >= validators.size()) {
            return Optional.of("vote from validator " + v.validator() + " of " + validators.size());
        }
        if (!v.verify(chainId, validators.get(v.validator()).key())) {
            return Optional.of("vote at height " + v.height() + " with a bad signature");
        }
        return Optional.empty();
    }
}
