package global.cas.app.governance;

import picocli.CommandLine.Command;

/** {@code cas gov}: governance queries and actions (PROTOCOL.md sections 5–7). */
@Command(
        name = "gov",
        mixinStandardHelpOptions = true,
        description = "Elections, the committee, proposals and referendums: read them, recount them, take part.",
        subcommands = {
            GovQueries.Info.class,
            GovQueries.Election.class,
            GovQueries.Proposals.class,
            GovQueries.Recount.class,
            GovQueries.Receipt.class,
            GovVerifyReceipt.class,
            GovActionCommands.Declare.class,
            GovActionCommands.Withdraw.class,
            GovActionCommands.Vote.class,
            GovActionCommands.Propose.class,
            GovActionCommands.Support.class,
            GovActionCommands.Referendum.class,
            GovActionCommands.CommitteeVote.class,
            GovActionCommands.CommitteeSplit.class,
            GovActionCommands.Statement.class,
            GovActionCommands.Approve.class,
            GovReserveCommands.Show.class,
            GovReserveCommands.Spend.class,
            GovReserveCommands.ApproveSpend.class
        })
public final class GovCommand {}
