package global.cas.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import global.cas.app.cli.CliException;
import global.cas.app.cli.Terminal;
import global.cas.chain.ModuleRoots;
import global.cas.chain.RecordReceipt;
import global.cas.crypto.Hash;
import global.cas.governance.GovernanceKeys;
import global.cas.governance.Records;
import global.cas.ledger.Amounts;
import global.cas.records.RecordKey;
import global.cas.rejection.Reason;
import global.cas.statetree.Proof;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cas gov verify-receipt FILE}: checks a ballot receipt with no node (G38): the proof shows
 * exactly the ballot's bytes under the governance root, and the module roots give the state root
 * printed, which the header of the receipt's block must name. What the ballot says (voter, vote,
 * weight) is read from the proven bytes and key, never from the file's decoded copy.
 */
@Command(
        name = "verify-receipt",
        mixinStandardHelpOptions = true,
        description = "Checks a ballot receipt offline: the ballot, its weight and the state root it is proven under.")
public final class GovVerifyReceipt implements Callable<Integer> {
    private final Terminal terminal;

    @Parameters(index = "0", paramLabel = "<file>", description = "A receipt from 'cas gov receipt'.")
    Path file;

    /** Taken so that --datadir and --network may stand anywhere on the line; no node is used. */
    @picocli.CommandLine.Mixin
    global.cas.app.cli.CommonOptions common;

    @Inject
    GovVerifyReceipt(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        RecordReceipt receipt = read(Files.readAllBytes(file));
        PrintWriter out = terminal.out();
        if (!receipt.proves()) {
            throw new CliException(
                    Reason.MALFORMED,
                    "The receipt's proof does not show this ballot under its governance root: it is not genuine.");
        }
        Hash claimed = hash(json(Files.readAllBytes(file)).path("stateRoot").asText(), "stateRoot");
        if (!receipt.stateRoot().equals(claimed)) {
            throw new CliException(Reason.MALFORMED, "The receipt's module roots do not give the state root it names.");
        }
        Records.Ballot b = Records.Ballot.decode(receipt.record());
        out.printf("valid: the ballot of %s%n", GovernanceKeys.trailingAddress(receipt.key()));
        out.printf(
                "  counts with weight %s CAS (balance at the opening %s CAS), cast at height %d%n",
                Amounts.format(b.weight()), Amounts.format(b.balanceAtOpen()), b.castHeight());
        out.printf(
                "  in the state of block %d (%s) of chain %s%n",
                receipt.height(), receipt.blockHash(), receipt.chainId());
        out.printf(
                "  whose header must name state root %s (compare with 'cas block %d' on any node)%n",
                receipt.stateRoot(), receipt.height());
        out.flush();
        return 0;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new CliException(Reason.MALFORMED, "The receipt is not JSON: " + e.getMessage());
        }
    }

    /** The receipt in {@code bytes}; a missing or malformed field is refused with its name. */
    static RecordReceipt read(byte[] bytes) {
        JsonNode r = json(bytes);
        JsonNode roots = r.path("roots");
        try {
            byte[] key = HexFormat.of().parseHex(text(r, "key"));
            if (key.length == 0 || key.length > RecordKey.MAX_LENGTH || key[0] != GovernanceKeys.BALLOT) {
                throw new CliException(Reason.MALFORMED, "The receipt's key is not a ballot's.");
            }
            return new RecordReceipt(
                    text(r, "chainId"),
                    r.path("height").asLong(-1),
                    hash(text(r, "blockHash"), "blockHash"),
                    RecordKey.of(key),
                    HexFormat.of().parseHex(text(r, "ballot")),
                    Proof.decode(HexFormat.of().parseHex(text(r, "proof"))),
                    new ModuleRoots(
                            hash(text(roots, "ledgerChanges"), "roots.ledgerChanges"),
                            hash(text(roots, "balances"), "roots.balances"),
                            hash(text(roots, "params"), "roots.params"),
                            hash(text(roots, "validators"), "roots.validators"),
                            hash(text(roots, "evidence"), "roots.evidence"),
                            hash(text(roots, "governance"), "roots.governance")));
        } catch (IllegalArgumentException | global.cas.rejection.RejectedException e) {
            throw new CliException(Reason.MALFORMED, "The receipt is damaged: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new CliException(Reason.MALFORMED, "The receipt has no field '" + field + "'.");
        }
        return v.asText();
    }

    private static Hash hash(String hex, String field) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new CliException(Reason.MALFORMED, "The receipt's '" + field + "' is not a 32-byte hash.");
        }
        return Hash.fromHex(hex);
    }
}
