package global.cas.wallet.keys;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every word list the wallet ships, loaded once by whoever needs them (there is no global
 * instance): the entry point for restoring a phrase whose language is not known in advance.
 * Immutable and thread-safe.
 */
public final class WordLists {
    private final Map<Language, WordList> lists;

    private WordLists(Map<Language, WordList> lists) {
        this.lists = Map.copyOf(lists);
    }

    /** Loads and checks the list of every {@link Language}. */
    public static WordLists loadAll() {
        Map<Language, WordList> m = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            m.put(l, WordList.load(l));
        }
        return new WordLists(m);
    }

    public WordList get(Language language) {
        return lists.get(language);
    }

    /**
     * The language most of the phrase's words belong to; empty when no word is in any list. Fit for
     * a partly typed phrase: it does not check the count or the checksum.
     */
    public Optional<Language> detectLanguage(String phrase) {
        List<String> tokens = Mnemonic.tokens(phrase);
        Language best = null;
        int bestCount = 0;
        for (Language l : Language.values()) {
            WordList list = lists.get(l);
            int count = 0;
            for (String t : tokens) {
                if (list.isWord(t)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = l;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Reads a phrase in whichever supported language it is written.
     *
     * @throws RejectedException {@code BAD_MNEMONIC} when no word is in any list, or as {@link
     *     Mnemonic#parse(String, WordList)}
     */
    public Mnemonic parse(String phrase) {
        Language language = detectLanguage(phrase)
                .orElseThrow(() -> new RejectedException(
                        Reason.BAD_MNEMONIC,
                        Mnemonic.tokens(phrase).isEmpty()
                                ? "The recovery phrase is empty."
                                : "None of the words is in a supported word list (English, Chinese simplified)."));
        return Mnemonic.parse(phrase, lists.get(language));
    }
}
