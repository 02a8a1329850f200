package global.cas.ui.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The notification centre's rules, without JavaFX: notices in, merged entries out.
 *
 * <ul>
 *   <li>A notice joins the newest entry of its topic while that burst is open (its last notice at
 *       most {@link NoticePolicy#burstWindow()} ago and the entry younger than {@link
 *       NoticePolicy#longestBurst()}); otherwise it starts a new entry. Amounts add up exactly;
 *       a notice whose amount would overflow the sum starts a new entry instead.
 *   <li>Posted while the window is focused (or when the desktop has no notifications of its own),
 *       an entry goes on screen for {@link NoticePolicy#toastTime()} after its latest notice; at
 *       most {@link NoticePolicy#onScreen()} are on screen, the newest; one pushed off does not
 *       come back.
 *   <li>Posted while the window is in the background, an entry is unread until {@link
 *       #markAllRead()} (the person opened the history), and when the desktop has notifications
 *       of its own, {@link #tick()} hands it over once its burst has closed, so the desktop shows
 *       one notification with the final count instead of one per notice.
 *   <li>The history keeps the newest {@link NoticePolicy#historySize()} entries, the most recently
 *       changed first.
 * </ul>
 *
 * <p>Time comes only from the injected clock, so tests drive it with a fake one. Not thread-safe:
 * use from one thread (the FX thread in the program); listeners run on that thread, after each
 * change.
 */
public final class NotificationCentre {
    private final Clock clock;
    private final NoticePolicy policy;
    private final boolean desktopAlerts;
    private final LinkedList<Item> history = new LinkedList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    /**
     * @param desktopAlerts whether the desktop shows notifications of its own: when it does not,
     *     notices posted in the background go on screen in the window instead
     */
    public NotificationCentre(Clock clock, NoticePolicy policy, boolean desktopAlerts) {
        this.clock = clock;
        this.policy = policy;
        this.desktopAlerts = desktopAlerts;
    }

    /** Whether background notices are handed to the desktop ({@link #tick()}) rather than shown in the window. */
    public boolean desktopAlerts() {
        return desktopAlerts;
    }

    /** Runs {@code listener} after every change of the history, the unread count or what is on screen. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Takes one notice in and returns the entry it is now part of.
     *
     * @param windowFocused whether the person has the window in front now
     */
    public NoticeEntry post(Notice notice, boolean windowFocused) {
        Instant now = clock.instant();
        Item item = history.stream()
                .filter(i -> i.topic.equals(notice.topic()) && open(i, now) && fits(i.amount, notice.amount()))
                .findFirst()
                .orElse(null);
        if (item == null) {
            item = new Item(nextId++, notice, now);
            item.unread = !windowFocused;
        } else {
            history.remove(item);
            item.merge(notice, now);
            if (!windowFocused) {
                item.unread = true;
            }
        }
        history.addFirst(item);
        while (history.size() > policy.historySize()) {
            history.removeLast();
        }
        if (windowFocused || !desktopAlerts) {
            item.toastUntil = now.plus(policy.toastTime());
        } else {
            item.alertPending = true;
        }
        // the newest few stay on screen; one pushed off does not come back when another hides
        List<Item> shown = showing(now);
        for (int i = policy.onScreen(); i < shown.size(); i++) {
            shown.get(i).toastUntil = null;
        }
        changed();
        return item.entry();
    }

    /**
     * Moves time on: hides entries whose time on screen is over, closes bursts that went quiet
     * (or grew too old), and returns the closed background entries the desktop should announce
     * now, each once. Call it about once a second.
     */
    public List<NoticeEntry> tick() {
        Instant now = clock.instant();
        boolean change = false;
        List<NoticeEntry> announce = new ArrayList<>();
        for (Item i : history) {
            if (i.toastUntil != null && !i.toastUntil.isAfter(now)) {
                i.toastUntil = null;
                change = true;
            }
            if (i.open && !open(i, now)) {
                i.open = false;
                if (i.alertPending) {
                    i.alertPending = false;
                    announce.add(i.entry());
                }
            }
        }
        if (change) {
            changed();
        }
        return List.copyOf(announce);
    }

    /** The entries on screen now, newest first, at most {@link NoticePolicy#onScreen()}. */
    public List<NoticeEntry> onScreen() {
        return showing(clock.instant()).stream()
                .limit(policy.onScreen())
                .map(Item::entry)
                .toList();
    }

    /** The history, the most recently changed entry first. */
    public List<NoticeEntry> history() {
        return history.stream().map(Item::entry).toList();
    }

    /** How many entries of the history the person has not seen. */
    public int unread() {
        return (int) history.stream().filter(i -> i.unread).count();
    }

    /** The person looked at the history: nothing is unread any more. */
    public void markAllRead() {
        if (history.stream().anyMatch(i -> i.unread)) {
            history.forEach(i -> i.unread = false);
            changed();
        }
    }

    /** Takes an entry off the screen (its close button); it stays in the history. */
    public void dismiss(long id) {
        history.stream().filter(i -> i.id == id && i.toastUntil != null).forEach(i -> {
            i.toastUntil = null;
            changed();
        });
    }

    /** Empties the history (and the screen): "Clear all". */
    public void clear() {
        if (!history.isEmpty()) {
            history.clear();
            changed();
        }
    }

    private static boolean fits(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) >= 0;
    }

    private boolean open(Item i, Instant now) {
        return i.open
                && !now.isAfter(i.last.plus(policy.burstWindow()))
                && now.isBefore(i.first.plus(policy.longestBurst()));
    }

    private List<Item> showing(Instant now) {
        return history.stream()
                .filter(i -> i.toastUntil != null && i.toastUntil.isAfter(now))
                .sorted(Comparator.comparing((Item i) -> i.last).reversed())
                .toList();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** An entry while it may still change. */
    private static final class Item {
        final long id;
        final String topic;
        final Instant first;
        long firstHeight;
        int count = 1;
        long amount;
        long lastHeight;
        Instant last;
        boolean open = true;
        boolean unread;
        boolean alertPending;
        Instant toastUntil;

        Item(long id, Notice n, Instant now) {
            this.id = id;
            this.topic = n.topic();
            this.first = now;
            this.last = now;
            this.firstHeight = n.height();
            this.lastHeight = n.height();
            this.amount = n.amount();
        }

        void merge(Notice n, Instant now) {
            amount = Math.addExact(amount, n.amount());
            count++;
            last = now;
            if (n.height() >= 0) {
                firstHeight = firstHeight < 0 ? n.height() : Math.min(firstHeight, n.height());
                lastHeight = Math.max(lastHeight, n.height());
            }
        }

        NoticeEntry entry() {
            return new NoticeEntry(id, topic, count, amount, firstHeight, lastHeight, first, last, unread);
        }
    }
}
