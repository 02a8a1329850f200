package global.cas.ui.wallet;

import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.wallet.WalletEntry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a wallet's history as CSV for spreadsheets: UTF-8 with a byte order mark (so spreadsheet
 * programs read Chinese correctly), CRLF line ends and RFC 4180 quoting. The header and the kind
 * names come translated from the caller; amounts are exact decimal CAS. A text cell that a
 * spreadsheet would take for a formula gets a leading apostrophe. Immutable and thread-safe.
 */
public final class TransactionCsv {
    /** The byte order mark, U+FEFF, written first. */
    public static final char BOM = '\uFEFF';

    /** The columns, in order. */
    public enum Column {
        TIME,
        KIND,
        AMOUNT,
        FEE,
        COUNTERPARTY,
        LABEL,
        HEIGHT,
        TRANSACTION
    }

    private final List<String> header;
    private final Map<WalletEntry.Kind, String> kindNames;
    private final Network network;
    private final DateTimeFormatter time;

    /**
     * @param header the column titles, one per {@link Column}, in the person's language
     * @param kindNames the name of each kind in the person's language
     */
    public TransactionCsv(List<String> header, Map<WalletEntry.Kind, String> kindNames, Network network, ZoneId zone) {
        if (header.size() != Column.values().length) {
            throw new IllegalArgumentException(
                    "the CSV has " + Column.values().length + " columns, got " + header.size() + " titles");
        }
        this.header = List.copyOf(header);
        this.kindNames = new EnumMap<>(kindNames);
        this.network = network;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** Writes the file with its BOM, replacing it atomically when it exists. */
    public void write(List<WalletEntry> entries, Map<Hash, String> labels, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(BOM);
                write(entries, labels, w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the rows (no BOM) to {@code out}. */
    public void write(List<WalletEntry> entries, Map<Hash, String> labels, Writer out) throws IOException {
        line(out, header);
        for (WalletEntry e : entries) {
            List<String> cells = new ArrayList<>();
            cells.add(time.format(Instant.ofEpochMilli(e.time())));
            cells.add(kindNames.getOrDefault(e.kind(), e.kind().name()));
            cells.add(Amounts.format(e.net()));
            cells.add(Amounts.format(e.fee()));
            cells.add(text(WalletText.addresses(e.counterparties(), network)));
            cells.add(text(labels.getOrDefault(e.id(), "")));
            cells.add(Long.toString(e.height()));
            cells.add(e.id().hex());
            line(out, cells);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Free text a spreadsheet must not run as a formula. */
    static String text(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
