package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The content of a keystore file, format version 1: public metadata, KDF parameters and salt,
 * password check, nonce and ciphertext. Immutable by convention (arrays are never changed).
 */
record KeystoreDocument(
        WalletInfo info, KdfParams kdf, byte[] salt, byte[] passwordCheck, byte[] nonce, byte[] ciphertext) {
    static final int VERSION = 1;
    static final String FORMAT = "cas-wallet-keystore";

    /**
     * The bytes sealed as GCM associated data: the format, the network, the KDF parameters and salt,
     * and every account with its label and addresses, each length-prefixed so no two different
     * metadata give the same bytes.
     */
    byte[] associatedData() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, FORMAT);
            out.writeInt(VERSION);
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
                out.writeInt(a.addresses().size());
                for (Address addr : a.addresses()) {
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
        return Sha256.digest(associatedData(), passwordCheck, nonce, ciphertext);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
