package global.cas.ui.node;

import global.cas.ui.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** How the screens write a {@link SyncProgress.Estimate}: dates in the user's locale, rates, times left. */
public final class SyncText {
    private SyncText() {}

    /** A block's time as the user's language writes a date and time, in this computer's zone. */
    public static String date(Messages messages, long epochMillis) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.language().locale())
                .withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochMilli(epochMillis));
    }

    /** A time left, rounded to whole seconds, minutes or hours and minutes. */
    public static String duration(Messages messages, long millis) {
        long seconds = (millis + 999) / 1000;
        if (seconds < 60) {
            return messages.get("node.syncProgress.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return messages.get("node.syncProgress.minutes", minutes);
        }
        return messages.get("node.syncProgress.hours", minutes / 60, minutes % 60);
    }

    /**
     * The sync sentence of the node screen for a networked node (empty for a node that joined no
     * network: the screen says what it said before).
     */
    public static java.util.Optional<String> sentence(Messages messages, SyncProgress.Estimate e) {
        return switch (e.phase()) {
            case NOT_NETWORKED -> java.util.Optional.empty();
            case CONNECTING -> java.util.Optional.of(messages.get("node.syncProgress.connecting"));
            case FOLLOWING ->
                java.util.Optional.of(messages.get(
                        "node.syncProgress.following",
                        e.tipTimeMillis() == 0 ? "-" : date(messages, e.tipTimeMillis())));
            case SYNCING -> {
                String head = messages.get(
                        "node.syncProgress.syncing",
                        messages.number(e.blocksLeft()),
                        e.tipTimeMillis() == 0 ? "-" : date(messages, e.tipTimeMillis()));
                String tail =
                        e.milliBlocksPerSecond().isPresent() && e.etaMillis().isPresent()
                                ? messages.get(
                                        "node.syncProgress.rate",
                                        rate(messages, e.milliBlocksPerSecond().getAsLong()),
                                        duration(messages, e.etaMillis().getAsLong()))
                                : messages.get("node.syncProgress.unknown");
                yield java.util.Optional.of(messages.get("node.syncProgress.sentences", head, tail));
            }
        };
    }

    /** Blocks a second from thousandths: whole and grouped from 10 on (2,060), one decimal below (3.3). */
    static String rate(Messages messages, long milliBlocksPerSecond) {
        if (milliBlocksPerSecond >= 10_000) {
            return messages.number((milliBlocksPerSecond + 500) / 1_000);
        }
        long tenths = (milliBlocksPerSecond + 50) / 100;
        return tenths / 10 + "." + tenths % 10;
    }
}
