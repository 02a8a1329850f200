package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.wallet.WalletEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecentRowTest {
    private static WalletEntry entry(int n, WalletEntry.Kind kind, long net) {
        byte[] id = new byte[32];
        id[0] = (byte) n;
        return new WalletEntry(Hash.of(id), 100 - n, 1_000L * (100 - n), kind, net, 0, List.of());
    }

    @Test
    @DisplayName("a run of block rewards is one row with its count and sum, so payments stay on the recent list")
    void rewardsMerged() {
        List<WalletEntry> newestFirst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            newestFirst.add(entry(i, WalletEntry.Kind.MINED, 25));
        }
        newestFirst.add(entry(30, WalletEntry.Kind.RECEIVED, 1_000));
        newestFirst.add(entry(31, WalletEntry.Kind.PACKED, 5));
        newestFirst.add(entry(32, WalletEntry.Kind.SENT, -7));
        List<RecentRow> rows = RecentRow.group(newestFirst, 10);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).count()).isEqualTo(30);
        assertThat(rows.get(0).net()).isEqualTo(750);
        assertThat(rows.get(0).newest()).isEqualTo(newestFirst.get(0));
        assertThat(rows.get(1).newest().kind()).isEqualTo(WalletEntry.Kind.RECEIVED);
        assertThat(rows.get(2).count()).isEqualTo(1);
        assertThat(rows.get(3).net()).isEqualTo(-7);
        assertThat(RecentRow.group(newestFirst, 2)).hasSize(2);
    }
}
