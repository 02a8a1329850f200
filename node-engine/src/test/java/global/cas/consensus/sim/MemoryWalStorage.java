package global.cas.consensus.sim;

import global.cas.consensus.wal.WalStorage;
import java.io.ByteArrayOutputStream;
import java.util.random.RandomGenerator;

/**
 * A write-ahead log's storage in memory that behaves like a file under {@code kill -9}: bytes
 * appended without a sync are lost in a crash, or only a prefix of them survives (a torn record).
 */
final class MemoryWalStorage implements WalStorage {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int synced;

    @Override
    public byte[] readAll() {
        return bytes.toByteArray();
    }

    @Override
    public void append(byte[] b, boolean sync) {
        bytes.writeBytes(b);
        if (sync) {
            synced = bytes.size();
        }
    }

    @Override
    public void replace(byte[] b) {
        bytes.reset();
        bytes.writeBytes(b);
        synced = bytes.size();
    }

    @Override
    public long size() {
        return bytes.size();
    }

    /** A crash: what was synced survives, and a random prefix of what was not. */
    void crash(RandomGenerator random) {
        int unsynced = bytes.size() - synced;
        int kept = synced + (unsynced == 0 ? 0 : random.nextInt(unsynced + 1));
        byte[] all = bytes.toByteArray();
        bytes.reset();
        bytes.write(all, 0, kept);
        synced = kept;
    }
}
