package global.cas.governance;

import java.util.Set;

/** The parameters a {@code parameter} proposal may change (G31), by name: what the desktop's form offers. */
public final class ChangeableParameters {
    public static final Set<String> NAMES = Set.of(
            "minFeePerByte",
            "maxBlockTransactions",
            "candidacyMinimum",
            "electionThreshold",
            "minSeats",
            "responseSupport",
            "responseWindowDays",
            "referendumSupport",
            "referendumQuorum",
            "referendumMinDays",
            "referendumMaxDays",
            "electionIntervalDays",
            "nominationDays",
            "votingDays",
            "proposalFee",
            "parameterDelayBlocks",
            "payoutDays");

    private ChangeableParameters() {}
}
