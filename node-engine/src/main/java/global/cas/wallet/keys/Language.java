package global.cas.wallet.keys;

import java.util.Optional;

/**
 * A language of the BIP39 word lists the wallet ships. Each constant names its resource file and
 * the SHA-256 of that file (checked at every load), and has a stable {@link #id()} that keystore
 * files store. Immutable and thread-safe.
 */
public enum Language {
    ENGLISH("english", "English", "english.txt", "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"),
    CHINESE_SIMPLIFIED(
            "chinese_simplified",
            "Chinese (simplified)",
            "chinese_simplified.txt",
            "5c5942792bd8340cb8b27cd592f1015edf56a8c5b26276ee18a482428e7c5726");

    private final String id;
    private final String displayName;
    private final String resourceName;
    private final String sha256;

    Language(String id, String displayName, String resourceName, String sha256) {
        this.id = id;
        this.displayName = displayName;
        this.resourceName = resourceName;
        this.sha256 = sha256;
    }

    /** The stable identifier stored in keystore files, e.g. {@code english}. */
    public String id() {
        return id;
    }

    /** The English name of the language, for messages. */
    public String displayName() {
        return displayName;
    }

    /**
     * The separator between words of a phrase. BIP39 joins every list with an ASCII space except
     * Japanese (ideographic space); Chinese uses the ASCII space too.
     */
    public String separator() {
        return " ";
    }

    String resourceName() {
        return resourceName;
    }

    String sha256() {
        return sha256;
    }

    /** The language with this {@link #id()}, if any. */
    public static Optional<Language> byId(String id) {
        for (Language l : values()) {
            if (l.id.equals(id)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
