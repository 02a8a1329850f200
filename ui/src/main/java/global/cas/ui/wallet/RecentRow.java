package global.cas.ui.wallet;

import global.cas.wallet.WalletEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the overview's recent list: a transaction, or a run of block rewards (mined or
 * packed) that came one after another, merged into one row with their count and sum, so mining
 * does not push every payment off the list. Immutable.
 *
 * @param newest the newest entry of the row (its time is shown)
 * @param count how many entries the row merges (1 for a transaction)
 * @param net the row's total change of the balance, in base units
 */
record RecentRow(WalletEntry newest, int count, long net) {
    /** Whether the row merges block rewards. */
    boolean rewards() {
        return isReward(newest);
    }

    static boolean isReward(WalletEntry e) {
        return e.kind() == WalletEntry.Kind.MINED || e.kind() == WalletEntry.Kind.PACKED;
    }

    /** The first {@code limit} rows of {@code newestFirst}, each run of rewards merged into one row. */
    static List<RecentRow> group(List<WalletEntry> newestFirst, int limit) {
        List<RecentRow> rows = new ArrayList<>();
        for (WalletEntry e : newestFirst) {
            RecentRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last.rewards() && isReward(e)) {
                rows.set(
                        rows.size() - 1,
                        new RecentRow(last.newest(), last.count() + 1, Math.addExact(last.net(), e.net())));
            } else if (rows.size() == limit) {
                break;
            } else {
                rows.add(new RecentRow(e, 1, e.net()));
            }
        }
        return rows;
    }
}
