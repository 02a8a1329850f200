package global.cas.wallet;

/**
 * Blocks {@code from} to {@code to} (both included) whose transactions a {@link WalletHistory} never
 * read, because the node had pruned them before the wallet got there: the history lists nothing of
 * them, though the outputs the wallet held after them are known (balances stay complete). Immutable.
 */
public record HistoryGap(long from, long to) {
    public HistoryGap {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(
                    "a history gap runs from a height of 0 or more up, got " + from + ".." + to);
        }
    }

    /** How many blocks the gap spans. */
    public long blocks() {
        return to - from + 1;
    }
}
