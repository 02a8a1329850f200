package global.cas.node;

import global.cas.store.ChainStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a node's chain on its locked data folder: the persistent peers and the store loaded, the
 * chain checked; a devnet chain of an older block format is moved aside and a new devnet chain
 * starts (decisions 27, 38, 45, 46). On any failure the store and the lock are released.
 */
final class NodeOpener {
    private static final Logger LOG = LoggerFactory.getLogger(NodeOpener.class);

    private NodeOpener() {}

    static Node open(NodeBuilder parts, DataDirLock lock) {
        NodeConfig config = parts.config();
        Function<Path, ChainStore> storeFactory = parts.storeFactory();
        global.cas.p2p.PersistentPeers persistentPeers;
        ChainStore store;
        try {
            persistentPeers = global.cas.p2p.PersistentPeers.load(config.dataDir());
            store = storeFactory.apply(config.dataDir());
        } catch (RuntimeException e) {
            Node.closeQuietly(lock);
            throw e;
        }
        Node node = new Node(parts, lock, store, persistentPeers);
        try {
            node.openChain();
        } catch (global.cas.store.ChainDataException e) {
            if (e.reason() != global.cas.rejection.Reason.CHAIN_FORMAT_OLD
                    || !config.params().localOnly()) {
                store.close();
                Node.closeQuietly(lock);
                throw e;
            }
            // a devnet of an older block format: keep it aside and start this folder's devnet again
            String formatName = "format" + store.format().orElse(0);
            store.close();
            Path archived;
            try {
                archived = OldChainArchive.moveAside(config.dataDir(), formatName, Clock.systemUTC());
                store = storeFactory.apply(config.dataDir());
            } catch (RuntimeException again) {
                Node.closeQuietly(lock);
                throw again;
            }
            LOG.warn(
                    "The devnet chain in {} was written by an older version in a block format this version no longer"
                            + " reads; it was moved to {} and a new devnet chain starts. The wallet is untouched.",
                    config.dataDir(),
                    archived);
            node = new Node(parts, lock, store, persistentPeers);
            node.archived(archived);
            try {
                node.openChain();
            } catch (RuntimeException failed) {
                store.close();
                Node.closeQuietly(lock);
                throw failed;
            }
        } catch (RuntimeException e) {
            store.close();
            Node.closeQuietly(lock);
            throw e;
        }
        return node;
    }
}
