package global.cas.wallet.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.Network;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON form of a keystore file. Reading checks every field, its type and its length, and the
 * checksum; any problem is a {@code MALFORMED} rejection that names the file. Thread-safe.
 */
final class KeystoreJson {
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    byte[] write(KeystoreDocument doc) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", KeystoreDocument.FORMAT);
        root.put("version", doc.version());
        root.put("network", doc.info().network().id());
        ArrayNode accounts = root.putArray("accounts");
        for (AccountInfo a : doc.info().accounts()) {
            ObjectNode acc = accounts.addObject();
            acc.put("index", a.index());
            acc.put("label", a.label());
            ArrayNode addrs = acc.putArray("addresses");
            for (Address addr : a.addresses()) {
                addrs.add(addr.encode(doc.info().network()));
            }
            if (doc.version() >= 2) {
                ArrayNode pool = acc.putArray("pool");
                for (Address addr : a.pool()) {
                    pool.add(addr.encode(doc.info().network()));
                }
            } else if (!a.pool().isEmpty()) {
                throw new IllegalStateException("a keystore of format 1 has no pool");
            }
        }
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("version", 0x13);
        kdf.put("iterations", doc.kdf().iterations());
        kdf.put("memoryKiB", doc.kdf().memoryKiB());
        kdf.put("parallelism", doc.kdf().parallelism());
        kdf.put("salt", Bytes.hex(doc.salt()));
        root.put("passwordCheck", Bytes.hex(doc.passwordCheck()));
        ObjectNode cipher = root.putObject("cipher");
        cipher.put("algorithm", "aes-256-gcm");
        cipher.put("nonce", Bytes.hex(doc.nonce()));
        cipher.put("ciphertext", Base64.getEncoder().encodeToString(doc.ciphertext()));
        root.put("checksum", Bytes.hex(doc.checksum()));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * @param fileName the file's name, for messages
     * @throws RejectedException {@code MALFORMED} when the bytes are not a valid keystore of a known
     *     version or their checksum does not match
     */
    KeystoreDocument read(byte[] json, String fileName) {
        Reader r = new Reader(fileName);
        JsonNode root = tree(json, r);
        KeystoreDocument doc = document(root, r);
        byte[] checksum = r.hex(root, "checksum", 32);
        if (!MessageDigest.isEqual(checksum, doc.checksum())) {
            throw r.bad("its checksum does not match, so it was damaged or edited");
        }
        return doc;
    }

    /** Like {@link #read} but without comparing the checksum (tests use it to forge files). */
    KeystoreDocument readIgnoringChecksum(byte[] json, String fileName) {
        Reader r = new Reader(fileName);
        return document(tree(json, r), r);
    }

    private JsonNode tree(byte[] json, Reader r) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw r.bad("it is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw r.bad("it is not a JSON object");
        }
        return root;
    }

    private static KeystoreDocument document(JsonNode root, Reader r) {
        if (!KeystoreDocument.FORMAT.equals(root.path("format").asText(""))) {
            throw r.bad("it is not a CAS Wallet keystore");
        }
        int version = r.integer(root, "version");
        if (version > KeystoreDocument.VERSION) {
            throw r.bad("it was written by a newer CAS Wallet (format " + version + "); update CAS Wallet to open it");
        }
        if (version < KeystoreDocument.FIRST_VERSION) {
            throw r.bad("its format version " + version + " is unknown");
        }
        Network network;
        try {
            network = Network.parse(r.text(root, "network"));
        } catch (IllegalArgumentException e) {
            throw r.bad("its network is unknown");
        }
        JsonNode kdfNode = r.object(root, "kdf");
        if (!"argon2id".equals(r.text(kdfNode, "algorithm")) || r.integer(kdfNode, "version") != 0x13) {
            throw r.bad("its key derivation is not Argon2id version 19");
        }
        KdfParams kdf;
        try {
            kdf = new KdfParams(
                    r.integer(kdfNode, "iterations"),
                    r.integer(kdfNode, "memoryKiB"),
                    r.integer(kdfNode, "parallelism"));
        } catch (IllegalArgumentException e) {
            throw r.bad("its key derivation parameters are out of range");
        }
        byte[] salt = r.hex(kdfNode, "salt", KeystoreCrypto.SALT_LENGTH);
        byte[] check = r.hex(root, "passwordCheck", KeystoreCrypto.CHECK_LENGTH);
        JsonNode cipher = r.object(root, "cipher");
        if (!"aes-256-gcm".equals(r.text(cipher, "algorithm"))) {
            throw r.bad("its cipher is not AES-256-GCM");
        }
        byte[] nonce = r.hex(cipher, "nonce", KeystoreCrypto.NONCE_LENGTH);
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(r.text(cipher, "ciphertext"));
        } catch (IllegalArgumentException e) {
            throw r.bad("its ciphertext is not Base64");
        }
        if (ciphertext.length <= KeystoreCrypto.TAG_BITS / 8) {
            throw r.bad("its ciphertext is too short");
        }
        WalletInfo info = new WalletInfo(network, readAccounts(r, root, network, version >= 2));
        return new KeystoreDocument(version, info, kdf, salt, check, nonce, ciphertext);
    }

    private static List<AccountInfo> readAccounts(Reader r, JsonNode root, Network network, boolean pooled) {
        JsonNode accounts = root.get("accounts");
        if (accounts == null || !accounts.isArray() || accounts.isEmpty()) {
            throw r.bad("it lists no accounts");
        }
        List<AccountInfo> out = new ArrayList<>(accounts.size());
        for (JsonNode acc : accounts) {
            if (!acc.isObject()) {
                throw r.bad("an account is not a JSON object");
            }
            int index = r.integer(acc, "index");
            if (index != out.size()) {
                throw r.bad("its accounts are not numbered 0, 1, 2, ... in order");
            }
            List<Address> addresses = addressList(r, acc, "addresses", index, network);
            List<Address> pool = pooled ? addressList(r, acc, "pool", index, network) : List.of();
            try {
                out.add(new AccountInfo(index, r.text(acc, "label"), addresses, pool));
            } catch (IllegalArgumentException e) {
                throw r.bad("account " + index + " has an invalid label");
            }
        }
        return out;
    }

    private static List<Address> addressList(Reader r, JsonNode acc, String field, int index, Network network) {
        JsonNode addrs = acc.get(field);
        if (addrs == null || !addrs.isArray()) {
            throw r.bad("account " + index + " has no list '" + field + "'");
        }
        List<Address> addresses = new ArrayList<>(addrs.size());
        for (JsonNode a : addrs) {
            if (!a.isTextual()) {
                throw r.bad("account " + index + " has an address that is not text");
            }
            try {
                addresses.add(Address.parse(a.asText(), network));
            } catch (RejectedException e) {
                throw r.bad("account " + index + " has an invalid " + network.id() + " address");
            }
        }
        return addresses;
    }

    /** Field readers that turn every surprise into a MALFORMED rejection naming the file. */
    private record Reader(String fileName) {
        RejectedException bad(String why) {
            return new RejectedException(Reason.MALFORMED, "The wallet file " + fileName + " is damaged: " + why + ".");
        }

        JsonNode object(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isObject()) {
                throw bad("the field '" + field + "' is missing or not an object");
            }
            return v;
        }

        String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) {
                throw bad("the field '" + field + "' is missing or not text");
            }
            return v.asText();
        }

        int integer(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw bad("the field '" + field + "' is missing or not a whole number");
            }
            return v.intValue();
        }

        byte[] hex(JsonNode node, String field, int length) {
            byte[] b;
            try {
                b = Bytes.fromHex(text(node, field));
            } catch (IllegalArgumentException e) {
                throw bad("the field '" + field + "' is not hexadecimal");
            }
            if (b.length != length) {
                throw bad("the field '" + field + "' does not have " + length + " bytes");
            }
            return b;
        }
    }
}
