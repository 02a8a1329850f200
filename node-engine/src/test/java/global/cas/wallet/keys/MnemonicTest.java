package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import global.cas.crypto.Bytes;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MnemonicTest {
    private static final WordLists LISTS = WordLists.loadAll();
    private static final WordList ENGLISH = LISTS.get(Language.ENGLISH);
    private static final WordList CHINESE = LISTS.get(Language.CHINESE_SIMPLIFIED);

    /** Entropy, its Chinese words and two seeds, computed independently with Python's hashlib. */
    private static final String ZH_ENTROPY = "00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210";

    private static final String ZH_PHRASE = "的 雄 粗 尺 载 属 海 酸 柯 沙 赶 祸 原 秘 像 历 寿 竟 铅 延 繁 报 涂 则";
    private static final String ZH_SEED_TREZOR =
            "214ee0c24fda86ad882659206c8fa7ac7d3ec7c078678ca4b704c60fca29099f16980bd7c20f27f867576c04b88a038aff2c42e338fefa3bfd3e33d0f7a44a2c";
    private static final String ZH_SEED_CHINESE_PASSPHRASE =
            "cc8f8c97a3d5ee17b1bdc7f65f6db880285223c434b339906c70e73b3bf52bc319c7f1d7fb667dabb1812014da9b44dad6f7878a868845e79ce4ce050404a625";

    static Stream<Arguments> trezorVectors() throws IOException {
        JsonNode root;
        try (InputStream in = MnemonicTest.class.getResourceAsStream("bip39-trezor-vectors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        String passphrase = root.get("passphrase").asText();
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : root.get("english")) {
            out.add(Arguments.of(v.get(0).asText(), v.get(1).asText(), v.get(2).asText(), passphrase));
        }
        return out.stream();
    }

    @Test
    @DisplayName("the Trezor vector file has at least 8 vectors, with 12- to 24-word phrases")
    void vectorFileIsComplete() throws IOException {
        List<Integer> counts = trezorVectors()
                .map(a -> ((String) a.get()[1]).split(" ").length)
                .toList();
        assertThat(counts).hasSizeGreaterThanOrEqualTo(8).contains(12, 18, 24);
        assertThat(Collections.frequency(counts, 24)).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("trezorVectors")
    @DisplayName("Trezor BIP39 vector: entropy gives the words, the words give the entropy and the seed")
    void trezorVector(String entropyHex, String phrase, String seedHex, String passphrase) {
        Mnemonic fromEntropy = Mnemonic.fromEntropy(ENGLISH, Bytes.fromHex(entropyHex));
        assertThat(fromEntropy.phrase()).isEqualTo(phrase);

        Mnemonic parsed = Mnemonic.parse(phrase, ENGLISH);
        assertThat(Bytes.hex(parsed.entropy())).isEqualTo(entropyHex);
        assertThat(parsed).isEqualTo(fromEntropy);
        assertThat(Bytes.hex(parsed.toSeed(passphrase))).isEqualTo(seedHex);
        assertThat(LISTS.parse(phrase)).isEqualTo(parsed);
    }

    @Test
    @DisplayName("a generated phrase has 24 words (256 bits), is valid and differs every time")
    void generateMakes24Words() {
        SecureRandom random = new SecureRandom();
        Mnemonic a = Mnemonic.generate(ENGLISH, random);
        Mnemonic b = Mnemonic.generate(ENGLISH, random);
        assertThat(a.wordCount()).isEqualTo(24);
        assertThat(a.entropy()).hasSize(32);
        assertThat(Mnemonic.parse(a.phrase(), ENGLISH)).isEqualTo(a);
        assertThat(a).isNotEqualTo(b);
        assertThat(Mnemonic.generate(CHINESE, random).wordCount()).isEqualTo(24);
    }

    @Test
    @DisplayName("any entropy of any allowed length round-trips through the words in every language")
    void randomEntropyRoundTrips() {
        long seed = new SecureRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < 300; n++) {
            byte[] entropy = new byte[16 + 4 * random.nextInt(5)];
            for (int i = 0; i < entropy.length; i++) {
                entropy[i] = (byte) random.nextInt(256);
            }
            for (Language l : Language.values()) {
                Mnemonic m = Mnemonic.fromEntropy(LISTS.get(l), entropy);
                Mnemonic back = LISTS.parse(m.phrase());
                assertThat(back.language()).as("random seed %d", seed).isEqualTo(l);
                assertThat(back.entropy()).as("random seed %d", seed).isEqualTo(entropy);
                assertThat(back.words()).as("random seed %d", seed).isEqualTo(m.words());
            }
        }
    }

    @Test
    @DisplayName("entropy of a length BIP39 does not allow is refused")
    void entropyLengthChecked() {
        assertThatThrownBy(() -> Mnemonic.fromEntropy(ENGLISH, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mnemonic.fromEntropy(ENGLISH, new byte[33]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mnemonic.fromEntropy(ENGLISH, new byte[18]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a word not in the list is reported by its number")
    void unknownWordNamesItsNumber() {
        String phrase = "abandon abandon abandn abandon abandon abandon abandon abandon abandon abandon abandon about";
        assertThatThrownBy(() -> Mnemonic.parse(phrase, ENGLISH)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC);
            assertThat(e.detail()).isEqualTo("Word 3 is not in the English word list.");
        });
    }

    @Test
    @DisplayName("several unknown words are all reported, and the words themselves are not echoed")
    void severalUnknownWords() {
        String phrase = "abandon xx abandon abandon yy abandon abandon abandon abandon abandon zz about";
        assertThatThrownBy(() -> Mnemonic.parse(phrase, ENGLISH)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC);
            assertThat(e.detail()).isEqualTo("Words 2, 5 and 11 are not in the English word list.");
        });
    }

    @Test
    @DisplayName("valid words with a wrong checksum are refused with a sentence about the checksum")
    void checksumFailure() {
        String phrase =
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";
        assertThatThrownBy(() -> Mnemonic.parse(phrase, ENGLISH)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC);
            assertThat(e.detail()).contains("checksum fails");
        });
        String swapped = "legal winner thank year wave sausage worth useful legal winner yellow thank";
        assertThatThrownBy(() -> Mnemonic.parse(swapped, ENGLISH)).hasMessageContaining("checksum");
    }

    @Test
    @DisplayName("a phrase with a word count other than 12, 15, 18, 21 or 24 is refused with the count")
    void wrongWordCount() {
        String thirteen = "abandon ".repeat(12) + "about";
        assertThatThrownBy(() -> Mnemonic.parse(thirteen, ENGLISH))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC);
                    assertThat(e.detail())
                            .isEqualTo("A recovery phrase has 12, 15, 18, 21 or 24 words; this one has 13.");
                });
        assertThatThrownBy(() -> Mnemonic.parse("   ", ENGLISH))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.detail()).contains("empty"));
        assertThatThrownBy(() -> LISTS.parse(""))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC));
    }

    @Test
    @DisplayName("12, 15, 18, 21 and 24 words are all accepted on restore")
    void allWordCountsAccepted() {
        for (int bytes = 16; bytes <= 32; bytes += 4) {
            Mnemonic m = Mnemonic.fromEntropy(ENGLISH, new byte[bytes]);
            assertThat(Mnemonic.parse(m.phrase(), ENGLISH).wordCount()).isEqualTo(bytes * 3 / 4);
        }
    }

    @Test
    @DisplayName("case, extra blanks and line breaks in a pasted phrase do not matter")
    void pastedPhraseIsNormalized() {
        Mnemonic m = Mnemonic.parse(
                "  Legal WINNER thank\tyear\nwave  sausage worth useful legal winner thank yellow ", ENGLISH);
        assertThat(m.phrase()).isEqualTo("legal winner thank year wave sausage worth useful legal winner thank yellow");
    }

    @Test
    @DisplayName("the language of a phrase is detected, even of a partly typed one")
    void languageDetection() {
        assertThat(LISTS.detectLanguage("legal winner thank")).contains(Language.ENGLISH);
        assertThat(LISTS.detectLanguage(ZH_PHRASE)).contains(Language.CHINESE_SIMPLIFIED);
        assertThat(LISTS.detectLanguage("的雄粗")).contains(Language.CHINESE_SIMPLIFIED);
        assertThat(LISTS.detectLanguage("legal winner 的 typo")).contains(Language.ENGLISH);
        assertThat(LISTS.detectLanguage("qwerty asdfgh")).isEmpty();
        assertThatThrownBy(() -> LISTS.parse("qwerty asdfgh")).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC);
            assertThat(e.detail()).contains("None of the words");
        });
    }

    @Test
    @DisplayName("Chinese: entropy gives known words, the words give the entropy back, with or without spaces")
    void chineseRoundTrip() {
        byte[] entropy = Bytes.fromHex(ZH_ENTROPY);
        Mnemonic m = Mnemonic.fromEntropy(CHINESE, entropy);
        assertThat(m.phrase()).isEqualTo(ZH_PHRASE);
        assertThat(m.language()).isEqualTo(Language.CHINESE_SIMPLIFIED);

        assertThat(Mnemonic.parse(ZH_PHRASE, CHINESE).entropy()).isEqualTo(entropy);
        assertThat(LISTS.parse(ZH_PHRASE.replace(" ", "")).entropy()).isEqualTo(entropy);
        assertThat(LISTS.parse(ZH_PHRASE.replace(" ", "\u3000")).phrase()).isEqualTo(ZH_PHRASE);
    }

    @Test
    @DisplayName("Chinese: the seed is that of the words joined by ASCII spaces (BIP39 reference)")
    void chineseSeed() {
        Mnemonic m = LISTS.parse(ZH_PHRASE.replace(" ", ""));
        assertThat(Bytes.hex(m.toSeed("TREZOR"))).isEqualTo(ZH_SEED_TREZOR);
        assertThat(Bytes.hex(m.toSeed("密码"))).isEqualTo(ZH_SEED_CHINESE_PASSPHRASE);
        assertThat(Mnemonic.fromEntropy(CHINESE, Bytes.fromHex(ZH_ENTROPY)).toSeed("TREZOR"))
                .isEqualTo(m.toSeed("TREZOR"));
    }

    @Test
    @DisplayName("the same entropy in English and in Chinese gives different seeds, so the language matters")
    void languageIsPartOfTheSeed() {
        byte[] entropy = Bytes.fromHex(ZH_ENTROPY);
        assertThat(Mnemonic.fromEntropy(ENGLISH, entropy).toSeed(""))
                .isNotEqualTo(Mnemonic.fromEntropy(CHINESE, entropy).toSeed(""));
        assertThat(Mnemonic.fromEntropy(ENGLISH, entropy)).isNotEqualTo(Mnemonic.fromEntropy(CHINESE, entropy));
    }

    @Test
    @DisplayName("the passphrase is NFKD-normalized: composed and decomposed accents give one seed")
    void passphraseIsNormalized() {
        Mnemonic m = Mnemonic.fromEntropy(ENGLISH, new byte[16]);
        assertThat(m.toSeed("caf\u00e9")).isEqualTo(m.toSeed("cafe\u0301"));
        assertThat(m.toSeed("caf\u00e9")).isNotEqualTo(m.toSeed("cafe"));
    }

    @Test
    @DisplayName("toString shows neither the words nor the entropy")
    void toStringHidesTheWords() {
        Mnemonic m =
                Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow", ENGLISH);
        assertThat(m.toString()).doesNotContain("legal").doesNotContain("7f7f").contains("12 words");
    }
}
