package global.cas.ui.notify;

import java.time.Instant;

/**
 * One line of the notification history: one notice, or a burst of notices of one topic merged.
 * Immutable; a merge gives a new entry with the same {@link #id()}.
 *
 * @param id unique within one centre, kept when notices are merged into the entry
 * @param topic the notices' topic (the message key prefix)
 * @param count how many notices were merged, at least 1
 * @param amount the sum of their amounts in base units
 * @param firstHeight the height of the first notice (-1 when none)
 * @param lastHeight the height of the latest notice (-1 when none)
 * @param first when the first notice was posted
 * @param last when the latest notice was posted
 * @param unread whether the person has not seen it yet (it came while the window was in the
 *     background, and the history list was not opened since)
 */
public record NoticeEntry(
        long id,
        String topic,
        int count,
        long amount,
        long firstHeight,
        long lastHeight,
        Instant first,
        Instant last,
        boolean unread) {}
