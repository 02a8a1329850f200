package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("created once, owner-only, and the same identity on every load")
    void createThenLoad() throws Exception {
        NodeKey first = NodeKey.loadOrCreate(dir, new SecureRandom());
        Path file = dir.resolve(NodeKey.FILE_NAME);
        assertThat(file).exists();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(NodeKey.loadOrCreate(dir, new SecureRandom()).id()).isEqualTo(first.id());
        assertThat(dir.resolve(NodeKey.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    @DisplayName("a damaged key file is refused with a clear error and left untouched")
    void damagedRefused() throws Exception {
        NodeKey.loadOrCreate(dir, new SecureRandom());
        Path file = dir.resolve(NodeKey.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[10] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> NodeKey.loadOrCreate(dir, new SecureRandom()))
                .isInstanceOf(NodeKeyDamagedException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("check bytes");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        Files.write(file, new byte[5]);
        assertThatThrownBy(() -> NodeKey.loadOrCreate(dir, new SecureRandom()))
                .isInstanceOf(NodeKeyDamagedException.class)
                .hasMessageContaining("5 bytes");
    }

    @Test
    @DisplayName("a node id prints short, round-trips through hex, and orders by its bytes")
    void nodeId() {
        NodeId id = new NodeId(TestPeers.key(1).publicKey());
        assertThat(id.toString()).hasSize(NodeId.SHORT_LENGTH);
        assertThat(NodeId.fromHex(id.hex())).isEqualTo(id);
        NodeId other = new NodeId(TestPeers.key(2).publicKey());
        assertThat(Integer.signum(id.compareTo(other))).isEqualTo(-Integer.signum(other.compareTo(id)));
    }
}
