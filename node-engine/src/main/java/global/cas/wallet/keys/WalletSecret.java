package global.cas.wallet.keys;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.wallet.data.DataKey;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a keystore file encrypts: the BIP39 entropy, the mnemonic passphrase and the word list
 * language, enough to show the words again and to rebuild every key, and (from version 2) the
 * random key of the wallet's data file ({@link DataKey}). Encoded as version byte, language id (u8
 * length + ASCII), entropy (u8 length + bytes), in version 2 the data key (u8 length + bytes),
 * then the passphrase (u32 length + UTF-8). Version 1 secrets have no data key; one is added when
 * the wallet is next unlocked. Not thread-safe: {@link #wipe()} clears it.
 */
final class WalletSecret {
    private static final int VERSION = 2;
    private static final int MAX_PASSPHRASE_BYTES = 1 << 16;

    private final Language language;
    private final byte[] entropy;
    private final String passphrase;
    private byte[] dataKey;

    WalletSecret(Language language, byte[] entropy, String passphrase, byte[] dataKey) {
        this.language = language;
        this.entropy = entropy.clone();
        this.passphrase = passphrase;
        this.dataKey = dataKey.clone();
    }

    /** A secret with a new random data key. */
    static WalletSecret of(Mnemonic mnemonic, String passphrase, java.security.SecureRandom random) {
        byte[] e = mnemonic.entropy();
        byte[] k = new byte[DataKey.LENGTH];
        random.nextBytes(k);
        WalletSecret s = new WalletSecret(mnemonic.language(), e, passphrase, k);
        Arrays.fill(e, (byte) 0);
        Arrays.fill(k, (byte) 0);
        return s;
    }

    /** The data key, when the secret has one (version 1 secrets have none). */
    java.util.Optional<DataKey> dataKey() {
        return dataKey.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(DataKey.of(dataKey));
    }

    /** Gives a secret without a data key a new random one. */
    void addDataKey(java.security.SecureRandom random) {
        if (dataKey.length == 0) {
            dataKey = new byte[DataKey.LENGTH];
            random.nextBytes(dataKey);
        }
    }

    Language language() {
        return language;
    }

    String passphrase() {
        return passphrase;
    }

    Mnemonic mnemonic() {
        return Mnemonic.fromEntropy(WordList.load(language), entropy);
    }

    byte[] encode() {
        byte[] id = language.id().getBytes(StandardCharsets.US_ASCII);
        byte[] pass = passphrase.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b =
                ByteBuffer.allocate(1 + 1 + id.length + 1 + entropy.length + 1 + dataKey.length + 4 + pass.length);
        b.put((byte) VERSION).put((byte) id.length).put(id);
        b.put((byte) entropy.length).put(entropy);
        b.put((byte) dataKey.length).put(dataKey);
        b.putInt(pass.length).put(pass);
        Arrays.fill(pass, (byte) 0);
        return b.array();
    }

    /** @throws RejectedException {@code MALFORMED} when the bytes are not a secret of version 1 or 2 */
    static WalletSecret decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] entropy = new byte[0];
        byte[] key = new byte[0];
        try {
            int version = b.get() & 0xff;
            if (version != 1 && version != VERSION) {
                throw malformed("its secret part has an unknown version");
            }
            byte[] id = new byte[b.get() & 0xff];
            b.get(id);
            Language language = Language.byId(new String(id, StandardCharsets.US_ASCII))
                    .orElseThrow(() -> malformed("its secret part names an unknown word list"));
            entropy = new byte[b.get() & 0xff];
            b.get(entropy);
            if (version >= 2) {
                key = new byte[b.get() & 0xff];
                b.get(key);
                if (key.length != DataKey.LENGTH) {
                    throw malformed("its secret part has a data key of a wrong length");
                }
            }
            int n = b.getInt();
            if (n < 0 || n > MAX_PASSPHRASE_BYTES || n != b.remaining()) {
                throw malformed("its secret part has a wrong length");
            }
            byte[] pass = new byte[n];
            b.get(pass);
            String passphrase;
            try {
                passphrase = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(pass))
                        .toString();
            } finally {
                Arrays.fill(pass, (byte) 0);
            }
            if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
                throw malformed("its secret part has entropy of a wrong length");
            }
            return new WalletSecret(language, entropy, passphrase, key);
        } catch (BufferUnderflowException | CharacterCodingException e) {
            throw malformed("its secret part does not decode");
        } finally {
            Arrays.fill(entropy, (byte) 0);
            Arrays.fill(key, (byte) 0);
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static RejectedException malformed(String why) {
        return new RejectedException(Reason.MALFORMED, "The wallet file is damaged: " + why + ".");
    }

    void wipe() {
        Arrays.fill(entropy, (byte) 0);
        Arrays.fill(dataKey, (byte) 0);
    }
}
