package global.cas.ui.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.ui.i18n.Messages;
import global.cas.ui.i18n.UiLanguage;
import global.cas.ui.node.SyncProgress.Estimate;
import global.cas.ui.node.SyncProgress.Phase;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SyncTextTest {
    private final Messages en = new Messages(UiLanguage.ENGLISH);
    private final Messages zh = new Messages(UiLanguage.CHINESE_SIMPLIFIED);

    @Test
    void syncingWithARate() {
        Estimate e = new Estimate(
                Phase.SYNCING, 12_345, 1_700_000_000_000L, OptionalLong.of(3333), OptionalLong.of(3_725_000));
        assertThat(SyncText.sentence(en, e).orElseThrow())
                .contains("12,345 left")
                .contains("3.3 blocks/s")
                .contains("1 h 3 min")
                .contains("2023");
        assertThat(SyncText.sentence(zh, e).orElseThrow()).contains("12,345").contains("3.3 块/秒");
    }

    @Test
    void syncingStalledSaysUnknown() {
        Estimate e = new Estimate(Phase.SYNCING, 500, 1_700_000_000_000L, OptionalLong.empty(), OptionalLong.empty());
        assertThat(SyncText.sentence(en, e).orElseThrow()).contains("500 left").contains("unknown");
        assertThat(SyncText.sentence(zh, e).orElseThrow()).contains("未知");
    }

    @Test
    void otherPhases() {
        assertThat(SyncText.sentence(en, Estimate.NONE)).isEmpty();
        assertThat(SyncText.sentence(
                                en, new Estimate(Phase.CONNECTING, 0, 0, OptionalLong.empty(), OptionalLong.empty()))
                        .orElseThrow())
                .startsWith("Connecting");
        assertThat(SyncText.sentence(
                                en, new Estimate(Phase.FOLLOWING, 0, 0, OptionalLong.empty(), OptionalLong.empty()))
                        .orElseThrow())
                .startsWith("Following");
    }

    @Test
    void rates() {
        assertThat(SyncText.rate(en, 2_059_828)).isEqualTo("2,060");
        assertThat(SyncText.rate(en, 10_000)).isEqualTo("10");
        assertThat(SyncText.rate(en, 9_949)).isEqualTo("9.9");
        assertThat(SyncText.rate(en, 40)).isEqualTo("0.0");
    }

    @Test
    void durations() {
        assertThat(SyncText.duration(en, 0)).isEqualTo("0 s");
        assertThat(SyncText.duration(en, 59_000)).isEqualTo("59 s");
        assertThat(SyncText.duration(en, 61_000)).isEqualTo("2 min");
        assertThat(SyncText.duration(en, 7_200_000)).isEqualTo("2 h 0 min");
    }
}
