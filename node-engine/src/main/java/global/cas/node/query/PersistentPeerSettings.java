package global.cas.node.query;

import java.util.List;

/**
 * The peers a person asked the node to keep connected (Settings), saved in its data folder and
 * dialled at every start. Thread-safe; each change is saved before it returns.
 */
public interface PersistentPeerSettings {
    /** What adding a peer did. */
    enum PeerAdded {
        /** Saved, and the running network dials it now (and again whenever it drops). */
        DIALLING,
        /** Saved; this node runs no network now, so it is dialled from the next start on. */
        FROM_NEXT_START,
        /** It was in the list already; nothing changed. */
        ALREADY_KEPT
    }

    /** The peers kept, as {@code host:port}, in the order they were added. */
    List<String> persistentPeers();

    /**
     * Adds the peer {@code typed} ({@code host:port}) to the list and saves it.
     *
     * @throws global.cas.rejection.RejectedException {@code BAD_PEER_ADDRESS}, {@code PEER_LIST_FULL}
     *     or {@code IO_ERROR}, with a sentence saying why; nothing is changed then
     */
    PeerAdded addPersistentPeer(String typed);

    /** Removes {@code peer} from the list and stops redialling it; false when it was not kept. */
    boolean removePersistentPeer(String peer);
}
