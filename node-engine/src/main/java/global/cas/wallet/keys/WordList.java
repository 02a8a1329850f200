package global.cas.wallet.keys;

import global.cas.crypto.Bytes;
import global.cas.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * One BIP39 word list: 2048 distinct words whose position is their 11-bit value. {@link #load}
 * refuses a resource whose SHA-256 differs from the one {@link Language} records, so a damaged or
 * edited list can never silently produce different words. Lookups normalize what the person typed
 * (Unicode NFKD, surrounding blanks removed, lower case), which makes {@link #isWord} and {@link
 * #wordsStartingWith} fit for checking each word as it is typed. Immutable and thread-safe.
 */
public final class WordList {
    /** Every BIP39 list has 2048 words (11 bits each). */
    public static final int SIZE = 2048;

    private final Language language;
    private final List<String> words;
    private final Map<String, Integer> indexByWord;
    private final NavigableSet<String> sorted;

    private WordList(Language language, List<String> words) {
        this.language = language;
        this.words = List.copyOf(words);
        Map<String, Integer> index = new HashMap<>(SIZE * 2);
        for (int i = 0; i < this.words.size(); i++) {
            if (index.put(this.words.get(i), i) != null) {
                throw new IllegalStateException(
                        "the " + language.displayName() + " word list repeats '" + this.words.get(i) + "'");
            }
        }
        this.indexByWord = Map.copyOf(index);
        this.sorted = new TreeSet<>(this.words);
    }

    /**
     * Reads the list of {@code language} from the classpath and checks its SHA-256.
     *
     * @throws IllegalStateException when the resource is missing or differs from the expected file
     */
    public static WordList load(Language language) {
        byte[] raw;
        try (InputStream in = WordList.class.getResourceAsStream(language.resourceName())) {
            if (in == null) {
                throw new IllegalStateException("the word list resource " + language.resourceName() + " is missing");
            }
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the word list " + language.resourceName(), e);
        }
        String actual = Bytes.hex(Sha256.digest(raw));
        if (!actual.equals(language.sha256())) {
            throw new IllegalStateException("the word list " + language.resourceName() + " has SHA-256 " + actual
                    + " instead of " + language.sha256() + ": it was changed or damaged");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the word list " + language.resourceName() + " is not UTF-8", e);
        }
        List<String> words = new ArrayList<>(SIZE);
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                words.add(line);
            }
        }
        if (words.size() != SIZE) {
            throw new IllegalStateException(
                    "the word list " + language.resourceName() + " has " + words.size() + " words, not " + SIZE);
        }
        return new WordList(language, words);
    }

    public Language language() {
        return language;
    }

    public int size() {
        return words.size();
    }

    /** All words in list order (the order that gives each word its value). Unmodifiable. */
    public List<String> words() {
        return words;
    }

    /** The word with value {@code index}, 0 to 2047. */
    public String word(int index) {
        return words.get(index);
    }

    /** The value of {@code word} (normalized first), or empty when it is not in this list. */
    public OptionalInt indexOf(String word) {
        Integer i = indexByWord.get(normalize(word));
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** True when {@code word}, once normalized, is in this list. */
    public boolean isWord(String word) {
        return indexByWord.containsKey(normalize(word));
    }

    /**
     * The words that start with {@code prefix} (normalized first), in alphabetical (code point)
     * order; every word for an empty prefix. Meant for suggestions while a word is typed.
     */
    public List<String> wordsStartingWith(String prefix) {
        String p = normalize(prefix);
        if (p.isEmpty()) {
            return List.copyOf(sorted);
        }
        List<String> out = new ArrayList<>();
        for (String w : sorted.tailSet(p, true)) {
            if (!w.startsWith(p)) {
                break;
            }
            out.add(w);
        }
        return List.copyOf(out);
    }

    /** What lookups compare: NFKD, blanks around removed, lower case. */
    static String normalize(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKD).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "WordList[" + language.id() + "]";
    }
}
