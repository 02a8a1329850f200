package global.cas.app.governance;

import global.cas.app.cli.CliException;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.rejection.RejectedException;

/** Parses the arguments of {@code cas gov} commands, each fault a usage error that says why. */
final class GovArguments {
    private GovArguments() {}

    static Address address(String text, Network network) {
        try {
            return Address.parse(text, network);
        } catch (RejectedException e) {
            throw CliException.usage("'" + text + "' is not an address of this network: " + e.detail());
        }
    }

    static Hash proposal(String text) {
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw CliException.usage("A proposal is named by its id: 64 hex digits (see 'cas gov proposals').");
        }
        return Hash.fromHex(text);
    }

    /** A committee statement's id: 64 hex digits. */
    static Hash statement(String text) {
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw CliException.usage("A statement is named by its id: 64 hex digits (see gov_statements).");
        }
        return Hash.fromHex(text);
    }

    /** A vote as the RPC names it: {@code election:N}, {@code support:ID} or {@code referendum:ID}. */
    static String vote(String text) {
        if (!text.matches("election:\\d{1,18}|(support|referendum):[0-9a-fA-F]{64}")) {
            throw CliException.usage("A vote is 'election:N', 'support:PROPOSAL_ID' or 'referendum:PROPOSAL_ID'.");
        }
        return text;
    }

    /** A referendum choice: yes 0, no 1, abstain 2, withdraw 3 (the codes of the ballot actions). */
    static int choice(String text) {
        int c = java.util.List.of("yes", "no", "abstain", "withdraw").indexOf(text.toLowerCase(java.util.Locale.ROOT));
        if (c < 0) {
            throw CliException.usage("--choice is yes, no, abstain or withdraw.");
        }
        return c;
    }
}
