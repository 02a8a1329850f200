package global.cas.consensus.wal;

import java.io.IOException;

/** Where the log's bytes live: a file in the data folder, or memory in simulations. */
public interface WalStorage {
    /** Every byte written so far (after a crash: every byte that was made durable, and maybe more). */
    byte[] readAll() throws IOException;

    /** Appends {@code bytes}; when {@code sync}, returns only once they (and all before) are durable. */
    void append(byte[] bytes, boolean sync) throws IOException;

    /** Atomically replaces the whole content with {@code bytes}, durable on return. */
    void replace(byte[] bytes) throws IOException;

    /** The number of bytes held. */
    long size() throws IOException;
}
