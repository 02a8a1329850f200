package global.cas.node;

import global.cas.chain.ChainParams;
import global.cas.chain.DevnetInstance;
import global.cas.crypto.Network;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * {@code <dataDir>/devnet-instance}: the {@link DevnetInstance} that makes a devnet data folder's
 * chain its own, created with a random salt on the folder's first start and read on every later
 * one (decision 18). It is written to a temporary file, flushed and moved into place without
 * replacing anything, so a reader never sees half of one and an existing instance is never
 * changed. Stateless.
 */
public final class DevnetInstanceFile {
    public static final String FILE_NAME = "devnet-instance";

    private DevnetInstanceFile() {}

    /**
     * The devnet genesis of {@code dataDir}: {@code bundled} (the devnet's bundled genesis) with the
     * folder's instance, which is created when the folder has none. A folder that already holds a
     * chain but no instance file was made before devnets were per folder: it keeps {@code bundled}
     * as it is, so its blocks and wallet histories stay valid.
     *
     * @param folderHasChain whether the folder already holds a chain database
     * @throws IllegalArgumentException when {@code bundled} is not a devnet genesis
     * @throws IllegalStateException when the instance file is unreadable as one
     */
    public static ChainParams params(ChainParams bundled, Path dataDir, boolean folderHasChain, SecureRandom random)
            throws IOException {
        if (bundled.network() != Network.DEVNET || bundled.instance().isPresent()) {
            throw new IllegalArgumentException("a bundled devnet genesis is needed, not " + bundled.chainId());
        }
        Optional<DevnetInstance> existing = read(dataDir);
        if (existing.isEmpty() && folderHasChain) {
            return bundled;
        }
        return bundled.withInstance(existing.isPresent() ? existing.get() : create(dataDir, random));
    }

    /**
     * The instance recorded in {@code dataDir}, if any.
     *
     * @throws IllegalStateException when the file is there but holds no instance
     */
    public static Optional<DevnetInstance> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Optional.of(new DevnetInstance(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the devnet instance file " + file
                            + " is damaged (it must hold 32 hex digits); restore it, or delete the data folder to start a new devnet");
        }
    }

    /** Creates the folder's instance; when another start created one first, that one is returned. */
    private static DevnetInstance create(Path dataDir, SecureRandom random) throws IOException {
        DevnetInstance fresh = DevnetInstance.random(random);
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        Path tmp = Files.createTempFile(dataDir, "." + FILE_NAME + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap((fresh.hex() + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                return read(dataDir).orElseThrow(() -> e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return fresh;
    }
}
