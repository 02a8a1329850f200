package global.cas.testing;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.nio.charset.StandardCharsets;

/** Deterministic test keys: key(i) is always the same pair. */
public final class TestKeys {
    private TestKeys() {}

    public static KeyPair key(int i) {
        return KeyPair.fromSeed(Hash.sha256(("cas test key " + i).getBytes(StandardCharsets.UTF_8))
                .bytes());
    }
}
