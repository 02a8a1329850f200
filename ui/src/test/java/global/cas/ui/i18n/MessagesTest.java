package global.cas.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    @DisplayName("every reason code has an English and a Chinese sentence")
    void everyReasonTranslated() {
        Messages en = new Messages(UiLanguage.ENGLISH);
        Messages zh = new Messages(UiLanguage.CHINESE_SIMPLIFIED);
        for (Reason r : Reason.values()) {
            assertThat(en.has("reason." + r.name())).as("English for %s", r).isTrue();
            assertThat(zh.get("reason." + r.name())).as("Chinese for %s", r).isNotEqualTo(en.get("reason." + r.name()));
        }
    }

    @Test
    @DisplayName("C1: every cause of a consensus halt has an English and a Chinese sentence")
    void everyHaltCauseTranslated() {
        Messages en = new Messages(UiLanguage.ENGLISH);
        Messages zh = new Messages(UiLanguage.CHINESE_SIMPLIFIED);
        for (global.cas.consensus.HaltCause c : global.cas.consensus.HaltCause.values()) {
            assertThat(en.has("node.halt." + c.name())).as("English for %s", c).isTrue();
            assertThat(zh.get("node.halt." + c.name()))
                    .as("Chinese for %s", c)
                    .isNotEqualTo(en.get("node.halt." + c.name()));
        }
    }

    @Test
    @DisplayName("the English and Chinese bundles of every feature have exactly the same keys")
    void sameKeysInBothLanguages() {
        for (String base : Messages.BUNDLES) {
            ResourceBundle en;
            try {
                en = ResourceBundle.getBundle(base, java.util.Locale.ROOT);
            } catch (java.util.MissingResourceException e) {
                continue;
            }
            ResourceBundle zh = ResourceBundle.getBundle(base, java.util.Locale.SIMPLIFIED_CHINESE);
            Set<String> enKeys = new TreeSet<>(Collections.list(en.getKeys()));
            Set<String> zhOwn = new TreeSet<>(zh.keySet());
            assertThat(zhOwn).as("keys of %s", base).isEqualTo(enKeys);
            for (String k : enKeys) {
                if (!k.startsWith("lang.")) {
                    assertThat(zh.getString(k))
                            .as("%s in %s is translated", k, base)
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    @DisplayName("switching the language changes bound text at once, without a restart")
    void switchesLanguage() {
        Messages m = new Messages(UiLanguage.ENGLISH);
        var title = m.bind("nav.send");
        assertThat(title.get()).isEqualTo("Send");
        m.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED);
        assertThat(title.get()).isEqualTo("发送");
        assertThat(m.get("status.height", 12)).isEqualTo("区块高度 12");
    }

    @Test
    @DisplayName("a rejection is explained in the person's language by its reason code")
    void explainsRejections() {
        Messages m = new Messages(UiLanguage.CHINESE_SIMPLIFIED);
        var e = new java.util.concurrent.CompletionException(new RejectedException(Reason.WRONG_PASSWORD));
        assertThat(m.explain(e)).isEqualTo("钱包密码错误。");
        assertThat(m.reason("NODE_NOT_RUNNING")).isEqualTo("节点未运行。");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "a text bound to the language (the window title) reads the new language at once after a switch")
    void boundTextFollowsTheSwitch() {
        Messages m = new Messages(UiLanguage.ENGLISH);
        javafx.beans.property.SimpleStringProperty title = new javafx.beans.property.SimpleStringProperty();
        title.bind(javafx.beans.binding.Bindings.createStringBinding(() -> m.get("app.title"), m.languageProperty()));
        java.util.List<String> seen = new java.util.ArrayList<>();
        title.addListener((o, a, b) -> seen.add(b));
        assertThat(title.get()).isEqualTo("CAS Wallet");
        m.languageProperty().set(UiLanguage.CHINESE_SIMPLIFIED);
        assertThat(title.get()).isEqualTo("CAS 钱包");
        assertThat(seen).containsExactly("CAS 钱包");
    }
}
