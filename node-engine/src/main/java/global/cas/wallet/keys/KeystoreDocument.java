package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The content of a keystore file: public metadata, KDF parameters and salt, password check, nonce
 * and ciphertext. Format version 2 adds to version 1 each account's pool of addresses derived
 * ahead and, in the secret, the wallet data key; version 1 files are read and become version 2
 * when next written. Immutable by convention (arrays are never changed).
 */
record KeystoreDocument(
        int version,
        WalletInfo info,
        KdfParams kdf,
        byte[] salt,
        byte[] passwordCheck,
        byte[] nonce,
        byte[] ciphertext) {
    /** The version written. */
    static final int VERSION = 2;

    /** The oldest version read. */
    static final int FIRST_VERSION = 1;

    static final String FORMAT = "cas-wallet-keystore";

    KeystoreDocument(
            WalletInfo info, KdfParams kdf, byte[] salt, byte[] passwordCheck, byte[] nonce, byte[] ciphertext) {
        this(VERSION, info, kdf, salt, passwordCheck, nonce, ciphertext);
    }

    /** The same document with other public metadata of the same derived addresses (the sealed bytes do not change). */
    KeystoreDocument withInfo(WalletInfo newInfo) {
        return new KeystoreDocument(version, newInfo, kdf, salt, passwordCheck, nonce, ciphertext);
    }

    /**
     * The bytes sealed as GCM associated data: the format, the network, the KDF parameters and salt,
     * and every account with its label and every address derived (handed out, then pooled), each
     * length-prefixed so no two different metadata give the same bytes. Which of them are handed
     * out is not sealed, so a locked wallet can hand out a pooled address without the password
     * (the worst a forger of that split can do is make the wallet show another of its own
     * addresses); the checksum still covers it.
     */
    byte[] associatedData() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, FORMAT);
            out.writeInt(version);
            writeString(out, info.network().id());
            writeString(out, "argon2id");
            out.writeInt(0x13);
            out.writeInt(kdf.iterations());
            out.writeInt(kdf.memoryKiB());
            out.writeInt(kdf.parallelism());
            out.writeInt(salt.length);
            out.write(salt);
            out.writeInt(info.accounts().size());
            for (AccountInfo a : info.accounts()) {
                out.writeInt(a.index());
                writeString(out, a.label());
                List<Address> derived = a.derived();
                out.writeInt(derived.size());
                for (Address addr : derived) {
                    out.write(addr.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * SHA-256 of everything the file holds. It catches accidental damage when the file is opened,
     * without the password; deliberate changes are caught by the GCM tag when it is unlocked.
     */
    byte[] checksum() {
        if (version == 1) {
            return Sha256.digest(associatedData(), passwordCheck, nonce, ciphertext);
        }
        ByteArrayOutputStream issued = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(issued)) {
            for (AccountInfo a : info.accounts()) {
                out.writeInt(a.addresses().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.digest(associatedData(), passwordCheck, nonce, ciphertext, issued.toByteArray());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
