package global.cas.wallet.keys;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a keystore file encrypts: the BIP39 entropy, the mnemonic passphrase and the word list
 * language, enough to show the words again and to rebuild every key. Encoded as version byte 1,
 * language id (u8 length + ASCII), entropy (u8 length + bytes), passphrase (u32 length + UTF-8).
 * Not thread-safe: {@link #wipe()} clears it.
 */
final class WalletSecret {
    private static final int VERSION = 1;
    private static final int MAX_PASSPHRASE_BYTES = 1 << 16;

    private final Language language;
    private final byte[] entropy;
    private final String passphrase;

    WalletSecret(Language language, byte[] entropy, String passphrase) {
        this.language = language;
        this.entropy = entropy.clone();
        this.passphrase = passphrase;
    }

    static WalletSecret of(Mnemonic mnemonic, String passphrase) {
        byte[] e = mnemonic.entropy();
        WalletSecret s = new WalletSecret(mnemonic.language(), e, passphrase);
        Arrays.fill(e, (byte) 0);
        return s;
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
        ByteBuffer b = ByteBuffer.allocate(1 + 1 + id.length + 1 + entropy.length + 4 + pass.length);
        b.put((byte) VERSION).put((byte) id.length).put(id);
        b.put((byte) entropy.length).put(entropy);
        b.putInt(pass.length).put(pass);
        Arrays.fill(pass, (byte) 0);
        return b.array();
    }

    /** @throws RejectedException {@code MALFORMED} when the bytes are not a secret of version 1 */
    static WalletSecret decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] entropy = new byte[0];
        try {
            if ((b.get() & 0xff) != VERSION) {
                throw malformed("its secret part has an unknown version");
            }
            byte[] id = new byte[b.get() & 0xff];
            b.get(id);
            Language language = Language.byId(new String(id, StandardCharsets.US_ASCII))
                    .orElseThrow(() -> malformed("its secret part names an unknown word list"));
            entropy = new byte[b.get() & 0xff];
            b.get(entropy);
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
            return new WalletSecret(language, entropy, passphrase);
        } catch (BufferUnderflowException | CharacterCodingException e) {
            throw malformed("its secret part does not decode");
        } finally {
            Arrays.fill(entropy, (byte) 0);
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static RejectedException malformed(String why) {
        return new RejectedException(Reason.MALFORMED, "The wallet file is damaged: " + why + ".");
    }

    void wipe() {
        Arrays.fill(entropy, (byte) 0);
    }
}
