package global.cas.ui.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ui.i18n.Messages;
import global.cas.wallet.WalletEntry;
import global.cas.wallet.data.Contact;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** How the wallet screens write amounts, kinds, times, statuses and failures. Use on the FX thread. */
public final class WalletText {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private WalletText() {}

    /** "12.5 CAS" in the current language, digits grouped: "100,000,000 CAS". */
    public static String cas(Messages messages, long units) {
        return messages.get("wallet.amount.cas", amount(units));
    }

    /** A signed amount: "+12.5" or "-3", so received and sent read apart; digits grouped. */
    public static String signed(long units) {
        return (units > 0 ? "+" : "") + amount(units);
    }

    /**
     * An amount for reading, the whole part grouped by threes with commas ("99,999,232.499956"),
     * as both English and Chinese readers write money. Fields a person types into, and CSV files,
     * keep the plain {@link Amounts#format} form that {@link Amounts#parse} reads.
     */
    public static String amount(long units) {
        return Amounts.formatGrouped(units);
    }

    /** Why a typed amount was refused: the typing hint for a malformed one, else the reason's sentence. */
    public static String amountProblem(Messages messages, global.cas.rejection.RejectedException e) {
        return e.reason() == global.cas.rejection.Reason.MALFORMED
                ? messages.get("wallet.send.amount.invalid")
                : messages.reason(e.reason());
    }

    public static String kind(Messages messages, WalletEntry.Kind kind) {
        return messages.get("wallet.kind." + kind.name());
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String addresses(List<Address> addresses, Network network) {
        return addresses.stream().map(a -> a.encode(network)).collect(Collectors.joining(" "));
    }

    /**
     * Who was on the other side of {@code entry}: each counterparty by its address-book name when
     * it has one, else by its address; a mining reward names no one.
     */
    public static String counterparties(
            Messages messages, WalletEntry entry, java.util.Collection<Contact> contacts, Network network) {
        return entry.counterparties().stream()
                .map(a -> contacts.stream()
                        .filter(c -> c.address().equals(a))
                        .map(Contact::name)
                        .findFirst()
                        .orElseGet(() -> a.encode(network)))
                .collect(Collectors.joining(", "));
    }

    /** The status of a sent transaction; {@code tipHeight} gives the confirmations. */
    public static String status(Messages messages, TxStatus status, long tipHeight) {
        return switch (status) {
            case TxStatus.Pending p -> messages.get("wallet.status.pending");
            case TxStatus.Committed c ->
                messages.get("wallet.status.committed", c.height(), Math.max(1, tipHeight - c.height() + 1));
            case TxStatus.Dropped d -> messages.get("wallet.status.dropped");
        };
    }

    /**
     * The notice over a history with gaps: which blocks' transactions it does not list because the
     * node pruned them first ("Transactions in blocks 1–4,321 are not listed: …"); empty for none.
     */
    public static String gaps(Messages messages, List<global.cas.wallet.HistoryGap> gaps) {
        if (gaps.isEmpty()) {
            return "";
        }
        List<String> ranges = gaps.stream()
                .map(g -> g.from() == g.to()
                        ? messages.number(g.from())
                        : messages.get(
                                "wallet.transactions.pruned.range", messages.number(g.from()), messages.number(g.to())))
                .toList();
        String list = ranges.getFirst();
        for (int i = 1; i < ranges.size(); i++) {
            list = messages.get(
                    i == ranges.size() - 1 ? "wallet.transactions.pruned.last" : "wallet.transactions.pruned.list",
                    list,
                    ranges.get(i));
        }
        long blocks =
                gaps.stream().mapToLong(global.cas.wallet.HistoryGap::blocks).sum();
        return messages.get("wallet.transactions.pruned", blocks, list);
    }

    /** What to show for a failure: a wallet refusal, a reason code, or the generic sentence. */
    public static String explain(Messages messages, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WalletRefusal r) {
                return messages.get(r.key(), r.args());
            }
        }
        return messages.explain(failure);
    }
}
