package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WordListTest {
    private final WordLists lists = WordLists.loadAll();
    private final WordList english = lists.get(Language.ENGLISH);
    private final WordList chinese = lists.get(Language.CHINESE_SIMPLIFIED);

    @Test
    @DisplayName("both shipped lists load, pass their SHA-256 check and hold 2048 distinct words")
    void listsLoadWithTheirChecksums() {
        for (Language l : Language.values()) {
            WordList list = WordList.load(l);
            assertThat(list.size()).isEqualTo(WordList.SIZE);
            assertThat(new HashSet<>(list.words())).hasSize(WordList.SIZE);
            assertThat(list.language()).isEqualTo(l);
        }
        assertThat(english.word(0)).isEqualTo("abandon");
        assertThat(english.word(2047)).isEqualTo("zoo");
        assertThat(chinese.word(0)).isEqualTo("的");
        assertThat(chinese.word(2047)).isEqualTo("歇");
    }

    @Test
    @DisplayName("the English and Chinese lists share no word, so a phrase's language is never ambiguous")
    void listsAreDisjoint() {
        Set<String> common = new HashSet<>(english.words());
        common.retainAll(chinese.words());
        assertThat(common).isEmpty();
    }

    @Test
    @DisplayName("isWord checks one word at a time, ignoring case, surrounding blanks and Unicode form")
    void isWordNormalizes() {
        assertThat(english.isWord("abandon")).isTrue();
        assertThat(english.isWord("  Abandon\t")).isTrue();
        assertThat(english.isWord("ABANDON")).isTrue();
        assertThat(english.isWord("abandn")).isFalse();
        assertThat(english.isWord("")).isFalse();
        assertThat(english.isWord("的")).isFalse();
        assertThat(chinese.isWord("的")).isTrue();
        assertThat(chinese.isWord(" 歇 ")).isTrue();
        assertThat(english.indexOf("zoo")).hasValue(2047);
        assertThat(english.indexOf("zooo")).isEmpty();
    }

    @Test
    @DisplayName("wordsStartingWith suggests the completions of a partly typed word")
    void wordsStartingWithSuggests() {
        assertThat(english.wordsStartingWith("aban")).containsExactly("abandon");
        assertThat(english.wordsStartingWith("Zo")).containsExactly("zone", "zoo");
        assertThat(english.wordsStartingWith("zoo")).containsExactly("zoo");
        assertThat(english.wordsStartingWith("qx")).isEmpty();
        assertThat(english.wordsStartingWith("")).hasSize(WordList.SIZE);
        assertThat(english.wordsStartingWith("ab"))
                .allMatch(w -> w.startsWith("ab"))
                .hasSizeGreaterThan(3);
        assertThat(chinese.wordsStartingWith("的")).containsExactly("的");
    }

    @Test
    @DisplayName("languages are found again by the id stored in keystore files")
    void languageIdsRoundTrip() {
        for (Language l : Language.values()) {
            assertThat(Language.byId(l.id())).contains(l);
        }
        assertThat(Language.byId("klingon")).isEmpty();
    }
}
