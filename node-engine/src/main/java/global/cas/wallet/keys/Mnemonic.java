package global.cas.wallet.keys;

import global.cas.crypto.Sha256;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A valid BIP39 recovery phrase: its words in one {@link Language}, and the entropy they encode.
 * An instance always has 12, 15, 18, 21 or 24 words, all in its word list, with a matching
 * checksum; new wallets get 24 words (256 bits). {@link #toSeed(String)} turns the phrase and the
 * optional <em>mnemonic passphrase</em> (the BIP39 "25th word") into the 64-byte seed the keys
 * derive from; a different passphrase gives a different, equally valid wallet. The passphrase has
 * nothing to do with the <em>wallet password</em>, which only encrypts the keystore file (see
 * {@link Keystore}).
 *
 * <p>The seed depends on the words themselves, not only on the entropy: the same entropy written
 * in English and in Chinese gives two different wallets, so the language is part of the value.
 * {@link #toString()} never shows the words. Immutable and thread-safe.
 */
public final class Mnemonic {
    /** The number of words of a newly generated phrase. */
    public static final int DEFAULT_WORD_COUNT = 24;

    /** The word counts BIP39 allows, accepted when restoring. */
    public static final List<Integer> WORD_COUNTS = List.of(12, 15, 18, 21, 24);

    private static final int DEFAULT_ENTROPY_BYTES = 32;
    private static final int PBKDF2_ITERATIONS = 2048;
    private static final int SEED_BYTES = 64;

    private final WordList wordList;
    private final byte[] entropy;
    private final List<String> words;

    private Mnemonic(WordList wordList, byte[] entropy, List<String> words) {
        this.wordList = wordList;
        this.entropy = entropy;
        this.words = List.copyOf(words);
    }

    /** A new 24-word phrase from 32 bytes of {@code random}. */
    public static Mnemonic generate(WordList wordList, SecureRandom random) {
        byte[] entropy = new byte[DEFAULT_ENTROPY_BYTES];
        random.nextBytes(entropy);
        Mnemonic m = fromEntropy(wordList, entropy);
        Arrays.fill(entropy, (byte) 0);
        return m;
    }

    /**
     * The phrase that encodes {@code entropy}: 16, 20, 24, 28 or 32 bytes give 12 to 24 words.
     *
     * @throws IllegalArgumentException for any other length
     */
    public static Mnemonic fromEntropy(WordList wordList, byte[] entropy) {
        int n = entropy.length;
        if (n < 16 || n > 32 || n % 4 != 0) {
            throw new IllegalArgumentException("BIP39 entropy has 16, 20, 24, 28 or 32 bytes, got " + n);
        }
        byte[] bits = Arrays.copyOf(entropy, n + 1);
        bits[n] = Sha256.digest(entropy)[0];
        int count = (n * 8 + n / 4) / 11;
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(wordList.word(read11(bits, i * 11)));
        }
        Arrays.fill(bits, (byte) 0);
        return new Mnemonic(wordList, entropy.clone(), words);
    }

    /**
     * Reads a phrase typed or pasted by a person, in the language of {@code wordList}. Words are
     * separated by any blank; case, surrounding blanks and Unicode form do not matter; Chinese
     * characters may also be written without spaces.
     *
     * @throws RejectedException {@code BAD_MNEMONIC} naming the numbers of the words not in the
     *     list, or saying that the word count is wrong or that the checksum fails
     */
    public static Mnemonic parse(String phrase, WordList wordList) {
        List<String> tokens = tokens(phrase);
        if (tokens.isEmpty()) {
            throw bad("The recovery phrase is empty.");
        }
        int[] values = new int[tokens.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            OptionalInt v = wordList.indexOf(tokens.get(i));
            if (v.isPresent()) {
                values[i] = v.getAsInt();
            } else {
                unknown.add(i + 1);
            }
        }
        if (!unknown.isEmpty()) {
            throw bad(describeUnknown(unknown, wordList.language()));
        }
        if (!WORD_COUNTS.contains(tokens.size())) {
            throw bad("A recovery phrase has 12, 15, 18, 21 or 24 words; this one has " + tokens.size() + ".");
        }
        int totalBits = values.length * 11;
        int entropyBytes = totalBits * 32 / 33 / 8;
        byte[] bits = new byte[(totalBits + 7) / 8];
        for (int i = 0; i < values.length; i++) {
            write11(bits, i * 11, values[i]);
        }
        byte[] entropy = Arrays.copyOf(bits, entropyBytes);
        int checksumBits = entropyBytes / 4;
        int expected = (Sha256.digest(entropy)[0] & 0xff) >>> (8 - checksumBits);
        int actual = (bits[entropyBytes] & 0xff) >>> (8 - checksumBits);
        Arrays.fill(bits, (byte) 0);
        if (expected != actual) {
            Arrays.fill(entropy, (byte) 0);
            throw bad("The recovery words do not fit together: their checksum fails. A word is probably wrong "
                    + "or two words are swapped.");
        }
        Mnemonic m = fromEntropy(wordList, entropy);
        Arrays.fill(entropy, (byte) 0);
        return m;
    }

    private static String describeUnknown(List<Integer> numbers, Language language) {
        String list = language.displayName() + " word list.";
        if (numbers.size() == 1) {
            return "Word " + numbers.get(0) + " is not in the " + list;
        }
        StringBuilder sb = new StringBuilder("Words ");
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                sb.append(i == numbers.size() - 1 ? " and " : ", ");
            }
            sb.append(numbers.get(i));
        }
        return sb.append(" are not in the ").append(list).toString();
    }

    /**
     * Splits a phrase into words: NFKD, then any blank (including the ideographic space) separates
     * words, and a run of Han characters is split into single characters, since every Chinese BIP39
     * word is one character.
     */
    static List<String> tokens(String phrase) {
        String text = Normalizer.normalize(phrase, Normalizer.Form.NFKD);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                flush(current, out);
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(current, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        });
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (!current.isEmpty()) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    private static int read11(byte[] bits, int offset) {
        int v = 0;
        for (int i = 0; i < 11; i++) {
            int bit = offset + i;
            v = (v << 1) | ((bits[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        return v;
    }

    private static void write11(byte[] bits, int offset, int value) {
        for (int i = 0; i < 11; i++) {
            if (((value >>> (10 - i)) & 1) != 0) {
                int bit = offset + i;
                bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
    }

    private static RejectedException bad(String sentence) {
        return new RejectedException(Reason.BAD_MNEMONIC, sentence);
    }

    public Language language() {
        return wordList.language();
    }

    public WordList wordList() {
        return wordList;
    }

    /** The words, as spelled in the word list. Unmodifiable. */
    public List<String> words() {
        return words;
    }

    public int wordCount() {
        return words.size();
    }

    /** The words joined by the language's separator, the exact text BIP39 hashes. */
    public String phrase() {
        return String.join(language().separator(), words);
    }

    /** A copy of the entropy (16 to 32 bytes); callers should wipe it when done. */
    public byte[] entropy() {
        return entropy.clone();
    }

    /**
     * The 64-byte BIP39 seed: PBKDF2-HMAC-SHA512 with 2048 iterations of the NFKD phrase, salted
     * with {@code "mnemonic" + passphrase} (NFKD). {@code passphrase} is the optional mnemonic
     * passphrase, {@code ""} for none; it is not the wallet password.
     */
    public byte[] toSeed(String passphrase) {
        byte[] password = Normalizer.normalize(phrase(), Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        byte[] salt = Normalizer.normalize("mnemonic" + passphrase, Normalizer.Form.NFKD)
                .getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA512Digest());
        gen.init(password, salt, PBKDF2_ITERATIONS);
        byte[] seed = ((KeyParameter) gen.generateDerivedParameters(SEED_BYTES * 8)).getKey();
        Arrays.fill(password, (byte) 0);
        Arrays.fill(salt, (byte) 0);
        return seed;
    }

    /** Equal when the language and the entropy (hence the words) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic m && m.language() == language() && MessageDigest.isEqual(m.entropy, entropy);
    }

    @Override
    public int hashCode() {
        return language().hashCode() * 31 + words.size();
    }

    @Override
    public String toString() {
        return "Mnemonic[" + words.size() + " words, " + language().id() + "]";
    }
}
