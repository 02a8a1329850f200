package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.SyncProgress;
import global.cas.ui.node.SyncProgress.Sample;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The overview's stale-balance note, fed the estimates the node model makes from its samples. */
class StaleBalanceNoteTest {
    private static final long T0 = 1_800_000_000_000L;

    private final Messages messages = new Messages(UiLanguage.ENGLISH);
    private final SyncProgress progress = new SyncProgress();
    private final SimpleObjectProperty<SyncProgress.Estimate> sync =
            new SimpleObjectProperty<>(SyncProgress.Estimate.NONE);
    private final StringBinding note = StaleBalanceNote.text(sync, messages);

    private void sample(long seconds, long committed, long peerHeight, int peers, boolean joined) {
        sync.set(progress.add(new Sample(T0 + seconds * 1000, committed, T0, peerHeight, peers, joined)));
    }

    @Test
    void appearsWhileBehindAndDisappearsWhenFollowing() {
        assertThat(note.get()).isEmpty();
        sample(0, 10, 0, 0, true);
        assertThat(note.get()).isEqualTo("Balance may be out of date: the node is still connecting to its network.");
        sample(3, 10, 1_011, 2, true);
        assertThat(note.get()).isEqualTo("Balance may be out of date: the node is still syncing (1,000 blocks left).");
        sample(6, 900, 1_011, 2, true);
        assertThat(note.get()).contains("(110 blocks left)");
        sample(9, 1_010, 1_011, 2, true);
        assertThat(note.get()).isEmpty();
        // a new block announced by peers, one behind: still following, no note
        sample(12, 1_010, 1_012, 2, true);
        assertThat(note.get()).isEmpty();
    }

    @Test
    void aNodeOfNoNetworkShowsNothing() {
        sample(0, 10, 0, 0, false);
        assertThat(note.get()).isEmpty();
    }

    @Test
    void followsTheLanguage() {
        sample(0, 10, 1_011, 2, true);
        messages.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED);
        assertThat(note.get()).isEqualTo("余额可能不是最新的：节点仍在同步（还剩 1,000 块）。");
    }
}
