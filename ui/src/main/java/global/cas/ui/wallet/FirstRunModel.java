package global.cas.ui.wallet;

import global.cas.crypto.Network;
import global.cas.wallet.keys.Language;
import global.cas.wallet.keys.Mnemonic;
import global.cas.wallet.keys.WordList;
import global.cas.wallet.keys.WordLists;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The first run's rules, apart from its screens: a new phrase and the three of its words asked
 * back, each restored word checked against the word list as it is typed, the password rules, and
 * finally the wallet written to {@link #walletFile()} and opened. {@link #result()} completes with
 * the opened wallet. FX thread, except where said.
 */
public final class FirstRunModel {
    /** How many words of a new phrase are asked back. */
    public static final int CHECKED_WORDS = 3;

    /** How many suggestions are shown for a word being typed. */
    public static final int SUGGESTIONS = 8;

    /** What a typed recovery word is, as far as the word list can tell. */
    public enum WordState {
        /** Nothing typed yet. */
        EMPTY,
        /** A word of the list. */
        VALID,
        /** Not a word, but the start of some: still being typed. */
        PARTIAL,
        /** Neither a word nor the start of one. */
        WRONG
    }

    private final WalletOpener opener;
    private final WordLists wordLists;
    private final Path walletFile;
    private final Network network;
    private final SecureRandom random;
    private final CompletableFuture<WalletModel> result = new CompletableFuture<>();

    /**
     * @param walletFile where the keystore is written, e.g. {@code <datadir>/wallets/default.wallet}
     * @param network the network the wallet's addresses are written for
     */
    public FirstRunModel(
            WalletOpener opener, WordLists wordLists, Path walletFile, Network network, SecureRandom random) {
        this.opener = opener;
        this.wordLists = wordLists;
        this.walletFile = walletFile;
        this.network = network;
        this.random = random;
    }

    public Path walletFile() {
        return walletFile;
    }

    public Network network() {
        return network;
    }

    /** Completes with the wallet once it is written and opened. */
    public CompletableFuture<WalletModel> result() {
        return result;
    }

    // ---------------------------------------------------------------- a new wallet

    /** A new 24-word phrase in {@code language}. */
    public Mnemonic generate(Language language) {
        return Mnemonic.generate(wordLists.get(language), random);
    }

    /** {@value #CHECKED_WORDS} distinct word positions (0-based), in order, picked at random. */
    public List<Integer> pickCheckPositions(int wordCount) {
        TreeSet<Integer> picked = new TreeSet<>();
        while (picked.size() < Math.min(CHECKED_WORDS, wordCount)) {
            picked.add(random.nextInt(wordCount));
        }
        return List.copyOf(picked);
    }

    /** True when {@code typed} is word {@code position} (0-based) of {@code mnemonic}, case and blanks aside. */
    public static boolean matches(Mnemonic mnemonic, int position, String typed) {
        WordList list = mnemonic.wordList();
        var typedIndex = list.indexOf(typed);
        return typedIndex.isPresent()
                && typedIndex.getAsInt()
                        == list.indexOf(mnemonic.words().get(position)).getAsInt();
    }

    // ---------------------------------------------------------------- restoring

    /**
     * The word list the typed words belong to: the one most of them are in, else Chinese when the
     * first typed character is Chinese, else English.
     */
    public Language languageOf(List<String> typed) {
        String text = String.join(" ", typed);
        Optional<Language> detected = wordLists.detectLanguage(text);
        if (detected.isPresent()) {
            return detected.get();
        }
        String t = text.strip();
        return !t.isEmpty() && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN
                ? Language.CHINESE_SIMPLIFIED
                : Language.ENGLISH;
    }

    /** What {@code typed} is in the list of {@code language}. */
    public WordState check(String typed, Language language) {
        if (typed.isBlank()) {
            return WordState.EMPTY;
        }
        WordList list = wordLists.get(language);
        if (list.isWord(typed)) {
            return WordState.VALID;
        }
        return list.wordsStartingWith(typed).isEmpty() ? WordState.WRONG : WordState.PARTIAL;
    }

    /** Up to {@value #SUGGESTIONS} words of {@code language} starting with {@code prefix}; none for a blank prefix. */
    public List<String> suggestions(String prefix, Language language) {
        if (prefix.isBlank()) {
            return List.of();
        }
        List<String> all = wordLists.get(language).wordsStartingWith(prefix);
        return all.subList(0, Math.min(SUGGESTIONS, all.size()));
    }

    /**
     * The phrase of the typed words, checked: every word in one list, a valid count, the checksum.
     *
     * @throws global.cas.rejection.RejectedException {@code BAD_MNEMONIC}
     */
    public Mnemonic restore(List<String> words) {
        List<String> nonBlank = new ArrayList<>();
        for (String w : words) {
            if (!w.isBlank()) {
                nonBlank.add(w.strip());
            }
        }
        return wordLists.parse(String.join(" ", nonBlank));
    }

    // ---------------------------------------------------------------- password

    /**
     * What is wrong with the passwords, as a message key, or empty when they may be used: the
     * wallet password must not be empty and both copies must match; the optional passphrase must be
     * typed the same twice.
     */
    public static Optional<String> passwordProblem(
            String password, String again, String passphrase, String passphraseAgain) {
        if (password.isEmpty()) {
            return Optional.of("reason.EMPTY_PASSWORD");
        }
        if (!password.equals(again)) {
            return Optional.of("reason.PASSWORD_MISMATCH");
        }
        if (!passphrase.equals(passphraseAgain)) {
            return Optional.of("wallet.firstrun.passphrase.mismatch");
        }
        return Optional.empty();
    }

    /**
     * Writes the wallet (Argon2 and the file write run in the background) and opens it; {@link
     * #result()} completes with it. A {@code restored} wallet starts with more addresses, so its
     * history finds payments made to it before. The password array is wiped.
     */
    public CompletableFuture<WalletModel> finish(
            Mnemonic mnemonic, String passphrase, char[] password, boolean restored) {
        return opener.create(walletFile, mnemonic, passphrase, password, network, restored)
                .whenComplete((wallet, error) -> {
                    if (wallet != null) {
                        result.complete(wallet);
                    }
                });
    }
}
