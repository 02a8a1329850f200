package global.cas.p2p;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code node.key} exists but is not a whole node key. The file is left as it is: replacing it
 * would silently give the node a new identity, losing the trust other operators placed in the old
 * one.
 */
public final class NodeKeyDamagedException extends IOException {
    private final Path file;

    public NodeKeyDamagedException(Path file, String problem) {
        super("the node key " + file + " is damaged (" + problem + "); it was left untouched. Restore it from a"
                + " backup, or move it away to start this node with a new identity");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
