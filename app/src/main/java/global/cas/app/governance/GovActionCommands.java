package global.cas.app.governance;

import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.Terminal;
import global.cas.ledger.Amounts;
import global.cas.ledger.CandidacyDeclaration;
import global.cas.ledger.CandidacyWithdrawal;
import global.cas.ledger.ElectionBallot;
import global.cas.ledger.GovernanceAction;
import global.cas.ledger.ProposalPosting;
import global.cas.ledger.ProposalSupport;
import global.cas.ledger.ReferendumBallot;
import global.cas.wallet.keys.Keystore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The governance actions of {@code cas gov}, each one signed transaction (G4, G5, G30, G32, G35). */
public final class GovActionCommands {
    private GovActionCommands() {}

    /** The shared body: build the action, send it from the acting address. */
    abstract static class Action implements Callable<Integer> {
        private final Terminal terminal;
        private final Keystore keystore;

        @Mixin
        GovSender sender;

        Action(Terminal terminal, Keystore keystore) {
            this.terminal = terminal;
            this.keystore = keystore;
        }

        abstract GovernanceAction action();

        long minimumFee() {
            return 0;
        }

        @Override
        public Integer call() throws IOException {
            sender.send(terminal, keystore, action(), minimumFee());
            return 0;
        }
    }

    @Command(
            name = "declare",
            mixinStandardHelpOptions = true,
            description = "Declares candidacy in an election, with a public profile (G4; needs 10,000 CAS).")
    public static final class Declare extends Action {
        @Option(names = "--election", required = true, paramLabel = "<N>", description = "The election's number.")
        long election;

        @Option(names = "--name", required = true, description = "The name shown on the ballot.")
        String name;

        @Option(names = "--personal", defaultValue = "", description = "Personal information.")
        String personal;

        @Option(names = "--career", defaultValue = "", description = "Career.")
        String career;

        @Option(names = "--education", defaultValue = "", description = "Education.")
        String education;

        @Option(names = "--platform", defaultValue = "", description = "Platform (manifesto).")
        String platform;

        @Inject
        Declare(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            return new CandidacyDeclaration(
                    election, new CandidacyDeclaration.Profile(name, personal, career, education, platform));
        }
    }

    @Command(
            name = "withdraw-candidacy",
            mixinStandardHelpOptions = true,
            description = "Withdraws the acting address's candidacy in an election (G4).")
    public static final class Withdraw extends Action {
        @Option(names = "--election", required = true, paramLabel = "<N>", description = "The election's number.")
        long election;

        @Inject
        Withdraw(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            return new CandidacyWithdrawal(election);
        }
    }

    @Command(
            name = "vote",
            mixinStandardHelpOptions = true,
            description = {
                "Casts (or replaces) an election ballot: each candidate's share in basis points, summing to 10,000 (G5).",
                "Example: --share dcas1...=6000 --share dcas1...=4000. --withdraw takes the vote back."
            })
    public static final class Vote extends Action {
        @Option(names = "--election", required = true, paramLabel = "<N>", description = "The election's number.")
        long election;

        @Option(names = "--share", paramLabel = "<address=basis points>", description = "A candidate and its share.")
        List<String> shares = new ArrayList<>();

        @Option(names = "--withdraw", description = "Withdraw the ballot instead.")
        boolean withdraw;

        @Inject
        Vote(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            if (withdraw == !shares.isEmpty()) {
                throw CliException.usage("Give the candidates with --share, or --withdraw.");
            }
            return new ElectionBallot(election, shares(shares, sender));
        }
    }

    /** {@code <address>=<basis points>} arguments as ballot shares. */
    static List<ElectionBallot.Share> shares(List<String> shares, GovSender sender) {
        List<ElectionBallot.Share> out = new ArrayList<>();
        for (String s : shares) {
            int eq = s.lastIndexOf('=');
            if (eq < 1 || !s.substring(eq + 1).matches("\\d{1,5}")) {
                throw CliException.usage("A share is <address>=<basis points>, e.g. dcas1...=5000, not '" + s + "'.");
            }
            out.add(new ElectionBallot.Share(
                    GovArguments.address(s.substring(0, eq), sender.common.network()),
                    Integer.parseInt(s.substring(eq + 1))));
        }
        return out;
    }

    @Command(
            name = "committee-split",
            mixinStandardHelpOptions = true,
            description = "A committee member's internal vote on how the reserve's votes split among an election's"
                    + " candidates (G11), in basis points summing to 10,000; --withdraw takes it back.")
    public static final class CommitteeSplit extends Action {
        @Option(names = "--election", required = true, paramLabel = "<N>", description = "The election's number.")
        long election;

        @Option(names = "--share", paramLabel = "<address=basis points>", description = "A candidate and its share.")
        List<String> shares = new ArrayList<>();

        @Option(names = "--withdraw", description = "Withdraw the internal vote instead.")
        boolean withdraw;

        @Inject
        CommitteeSplit(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            if (withdraw == !shares.isEmpty()) {
                throw CliException.usage("Give the candidates with --share, or --withdraw.");
            }
            return new global.cas.ledger.CommitteeElectionSplit(election, shares(shares, sender));
        }
    }

    @Command(
            name = "propose",
            mixinStandardHelpOptions = true,
            description = "Posts a proposal (G30, G31); it pays at least the posting fee.")
    public static final class Propose extends Action {
        @Option(names = "--title", required = true, description = "The title.")
        String title;

        @Option(names = "--text", defaultValue = "", description = "The text.")
        String text;

        @Option(
                names = "--kind",
                defaultValue = "text",
                description = "text, parameter, validator-set or committee-rules (default: ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--change", paramLabel = "<name=value>", description = "A parameter change (kind parameter).")
        List<String> changes = new ArrayList<>();

        @Option(names = "--days", defaultValue = "7", description = "The referendum's length in days, 7 to 30.")
        int days;

        @Option(
                names = "--fee",
                paramLabel = "<CAS>",
                description =
                        "At least this fee, in CAS; never less than the chain's posting fee (G30) and the size's fee.")
        String fee;

        @Inject
        Propose(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        long minimumFee() {
            return fee == null ? 0 : Amounts.parse(fee);
        }

        @Override
        GovernanceAction action() {
            List<String> kinds = List.of("text", "parameter", "validator-set", "committee-rules");
            int k = kinds.indexOf(kind.toLowerCase(Locale.ROOT));
            if (k < 0) {
                throw CliException.usage("--kind is one of " + String.join(", ", kinds) + ".");
            }
            List<ProposalPosting.Change> out = new ArrayList<>();
            for (String c : changes) {
                int eq = c.indexOf('=');
                if (eq < 1 || !c.substring(eq + 1).matches("\\d{1,18}")) {
                    throw CliException.usage("A change is <name>=<whole number>, e.g. minSeats=7, not '" + c + "'.");
                }
                out.add(new ProposalPosting.Change(c.substring(0, eq), Long.parseLong(c.substring(eq + 1))));
            }
            return new ProposalPosting(title, text, k, out, days);
        }
    }

    @Command(
            name = "support",
            mixinStandardHelpOptions = true,
            description = "Supports a proposal with the acting address's coins (G32), or withdraws the support.")
    public static final class Support extends Action {
        @Option(names = "--proposal", required = true, paramLabel = "<id>", description = "The proposal's id.")
        String proposal;

        @Option(names = "--withdraw", description = "Withdraw the support instead.")
        boolean withdraw;

        @Inject
        Support(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            return new ProposalSupport(GovArguments.proposal(proposal), withdraw);
        }
    }

    @Command(
            name = "referendum",
            mixinStandardHelpOptions = true,
            description = "Votes in a proposal's referendum: yes, no, abstain, or withdraw (G35).")
    public static final class Referendum extends Action {
        @Option(names = "--proposal", required = true, paramLabel = "<id>", description = "The proposal's id.")
        String proposal;

        @Option(names = "--choice", required = true, description = "yes, no, abstain or withdraw.")
        String choice;

        @Inject
        Referendum(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            int c = GovArguments.choice(choice);
            return new ReferendumBallot(GovArguments.proposal(proposal), c);
        }
    }

    @Command(
            name = "committee-vote",
            mixinStandardHelpOptions = true,
            description = "A committee member's internal vote on how the reserve votes in a referendum (G11).")
    public static final class CommitteeVote extends Action {
        @Option(names = "--proposal", required = true, paramLabel = "<id>", description = "The proposal's id.")
        String proposal;

        @Option(names = "--choice", required = true, description = "yes, no, abstain or withdraw.")
        String choice;

        @Inject
        CommitteeVote(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            int c = GovArguments.choice(choice);
            return new global.cas.ledger.CommitteeReferendumVote(GovArguments.proposal(proposal), c);
        }
    }

    @Command(
            name = "statement",
            mixinStandardHelpOptions = true,
            description =
                    "A committee member drafts a statement about a proposal or a participant (G12); drafting approves it.")
    public static final class Statement extends Action {
        @Option(
                names = "--kind",
                required = true,
                description = "support, advocacy, reservation, opposition or condemnation.")
        String kind;

        @Option(names = "--proposal", paramLabel = "<id>", description = "The proposal it is about.")
        String proposal;

        @Option(names = "--participant", paramLabel = "<address>", description = "The participant it is about.")
        String participant;

        @Option(names = "--text", required = true, description = "The statement.")
        String text;

        @Inject
        Statement(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            int k = global.cas.governance.Records.STATEMENT_KINDS.indexOf(kind.toLowerCase(Locale.ROOT));
            if (k < 0) {
                throw CliException.usage(
                        "--kind is one of " + String.join(", ", global.cas.governance.Records.STATEMENT_KINDS) + ".");
            }
            if ((proposal == null) == (participant == null)) {
                throw CliException.usage(
                        "Name what the statement is about: --proposal <id> or --participant <address>.");
            }
            if (proposal != null) {
                return new global.cas.ledger.CommitteeStatement(k, true, GovArguments.proposal(proposal), text);
            }
            byte[] subject = new byte[global.cas.crypto.Hash.LENGTH];
            byte[] a =
                    GovArguments.address(participant, sender.common.network()).bytes();
            System.arraycopy(a, 0, subject, subject.length - a.length, a.length);
            return new global.cas.ledger.CommitteeStatement(k, false, global.cas.crypto.Hash.of(subject), text);
        }
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = "A committee member approves a drafted statement (G12).")
    public static final class Approve extends Action {
        @Option(names = "--statement", required = true, paramLabel = "<id>", description = "The statement's id.")
        String statement;

        @Inject
        Approve(Terminal terminal, Keystore keystore) {
            super(terminal, keystore);
        }

        @Override
        GovernanceAction action() {
            return new global.cas.ledger.StatementApproval(GovArguments.statement(statement));
        }
    }
}
