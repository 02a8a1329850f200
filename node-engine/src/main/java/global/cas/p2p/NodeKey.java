package global.cas.p2p;

import global.cas.crypto.KeyPair;
import global.cas.crypto.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The node's own Ed25519 key, kept in {@code node.key} in the data folder: a 6-byte magic {@code
 * CASNK1}, the 32-byte seed, and the first 4 bytes of SHA-256(magic ‖ seed) as a check. Created
 * once, written atomically with owner-only permissions; a damaged file is refused with {@link
 * NodeKeyDamagedException}, never replaced. Immutable and thread-safe.
 */
public final class NodeKey {
    public static final String FILE_NAME = "node.key";
    private static final byte[] MAGIC = "CASNK1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECK_LENGTH = 4;
    static final int FILE_LENGTH = MAGIC.length + KeyPair.SEED_LENGTH + CHECK_LENGTH;

    private final KeyPair keyPair;
    private final NodeId id;

    private NodeKey(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.id = new NodeId(keyPair.publicKey());
    }

    /** A node key held only in memory, for tests and tools. */
    public static NodeKey of(KeyPair keyPair) {
        return new NodeKey(Objects.requireNonNull(keyPair));
    }

    /**
     * The key in {@code dataDir/node.key}, created from {@code random} when the file does not exist.
     *
     * @throws NodeKeyDamagedException when the file exists but is not a whole node key
     */
    public static NodeKey loadOrCreate(Path dataDir, SecureRandom random) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new NodeKey(KeyPair.fromSeed(parse(file, Files.readAllBytes(file))));
        }
        Files.createDirectories(dataDir);
        KeyPair created = KeyPair.random(random);
        byte[] seed = created.seed();
        try {
            AtomicFiles.write(file, encode(seed), true);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        return new NodeKey(created);
    }

    static byte[] encode(byte[] seed) {
        byte[] out = new byte[FILE_LENGTH];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(seed, 0, out, MAGIC.length, seed.length);
        System.arraycopy(check(seed), 0, out, MAGIC.length + seed.length, CHECK_LENGTH);
        return out;
    }

    private static byte[] parse(Path file, byte[] bytes) throws NodeKeyDamagedException {
        if (bytes.length != FILE_LENGTH) {
            throw new NodeKeyDamagedException(file, bytes.length + " bytes instead of " + FILE_LENGTH);
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NodeKeyDamagedException(file, "it does not start with CASNK1");
        }
        byte[] seed = Arrays.copyOfRange(bytes, MAGIC.length, MAGIC.length + KeyPair.SEED_LENGTH);
        byte[] check = check(seed);
        if (!Arrays.equals(bytes, MAGIC.length + KeyPair.SEED_LENGTH, FILE_LENGTH, check, 0, CHECK_LENGTH)) {
            throw new NodeKeyDamagedException(file, "its check bytes do not match the key");
        }
        return seed;
    }

    private static byte[] check(byte[] seed) {
        return Arrays.copyOf(Sha256.digest(MAGIC, seed), CHECK_LENGTH);
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public NodeId id() {
        return id;
    }

    @Override
    public String toString() {
        return "NodeKey[" + id.shortId() + "]";
    }
}
