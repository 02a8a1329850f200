package global.cas.ui.notify;

import java.time.Duration;

/**
 * How the centre merges and shows notices.
 *
 * @param burstWindow a notice joins the latest entry of its topic if that entry's last notice is
 *     at most this old (so a steady stream keeps merging)
 * @param longestBurst but never once the entry is this old: a long mining run gives one entry
 *     per period instead of one that grows for ever
 * @param toastTime how long an entry stays on screen after its latest notice
 * @param onScreen at most this many entries on screen at once (the newest)
 * @param historySize the history keeps this many entries, the oldest dropped first
 */
public record NoticePolicy(
        Duration burstWindow, Duration longestBurst, Duration toastTime, int onScreen, int historySize) {
    public NoticePolicy {
        if (burstWindow.isNegative()
                || longestBurst.compareTo(burstWindow) < 0
                || toastTime.isNegative()
                || onScreen < 1
                || historySize < 1) {
            throw new IllegalArgumentException("an impossible notification policy");
        }
    }

    /** What the desktop uses: bursts of 10 s (at most a minute), 3 on screen for 8 s, 100 kept. */
    public static NoticePolicy defaults() {
        return new NoticePolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(8), 3, 100);
    }
}
