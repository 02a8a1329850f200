package global.cas.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two files through which the command line finds the node of a data folder: {@code rpc.token}
 * (32 random bytes as 64 hex digits, kept across restarts, owner-only where the file system has
 * POSIX permissions) and {@code rpc.port} (the port the server bound, removed when it stops). Both
 * are written to a temporary file and renamed, so a reader never sees half of one. Stateless.
 */
public final class RpcFiles {
    public static final String TOKEN_FILE = "rpc.token";
    public static final String PORT_FILE = "rpc.port";

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private RpcFiles() {}

    /**
     * The token of {@code dataDir}, created when missing or unreadable as a token; an existing
     * token file is made owner-only.
     */
    static String loadOrCreateToken(Path dataDir, SecureRandom random) throws IOException {
        Path file = dataDir.resolve(TOKEN_FILE);
        Optional<String> existing = readToken(dataDir);
        if (existing.isPresent()) {
            restrict(file);
            return existing.get();
        }
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        writeAtomically(file, token + "\n");
        return token;
    }

    /** The token of {@code dataDir}, if its file holds one. */
    public static Optional<String> readToken(Path dataDir) throws IOException {
        Path file = dataDir.resolve(TOKEN_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return TOKEN.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    /** The port in {@code dataDir}'s port file, if it holds one. */
    public static Optional<Integer> readPort(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PORT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void writePort(Path dataDir, int port) throws IOException {
        writeAtomically(dataDir.resolve(PORT_FILE), port + "\n");
    }

    /** Removes the port file if it still names {@code port} (another server may have replaced it). */
    static void removePort(Path dataDir, int port) throws IOException {
        if (readPort(dataDir).filter(p -> p == port).isPresent()) {
            Files.deleteIfExists(dataDir.resolve(PORT_FILE));
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = posix(dir)
                ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly())
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                Files.delete(file);
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
