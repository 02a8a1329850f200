package global.cas.store.h2;

import global.cas.h2.H2Files;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The process {@link CrashTest} kills: commits genesis and a block, leaves a block half written in
 * an open transaction whose rows H2 has already put in the file, commits one more block, prints
 * {@link #READY} with the tip and waits to be killed. It never closes the store.
 */
public final class CrashingWriter {
    static final String READY = "CRASHING-WRITER-READY";

    static final long HALF_WRITTEN_HEIGHT = 1000;

    private CrashingWriter() {}

    public static void main(String[] args) throws SQLException, InterruptedException {
        Path dir = Path.of(args[0]);
        H2ChainStore store = H2ChainStore.open(dir);
        ChainFixture chain = new ChainFixture();
        ChainFixture.commit(store, chain.genesis());
        ChainFixture.commit(
                store,
                chain.next(List.of(TestChain.pay(
                        TestChain.funded(1),
                        TestChain.genesisOutput(chain.state, 1),
                        TestKeys.key(7).address(),
                        1000,
                        chain.expiry()))));

        // A block half written by another transaction, rows far from the chain's so nothing waits on them.
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(H2ChainStore.DATABASE_NAME);
        Connection halfWritten = DriverManager.getConnection(url, H2Files.USER, "");
        halfWritten.setAutoCommit(false);
        try (Statement s = halfWritten.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO blocks VALUES (" + HALF_WRITTEN_HEIGHT + ", X'" + "33".repeat(32) + "', X'00', 0, 0)");
            s.executeUpdate("INSERT INTO outputs VALUES (" + Long.MAX_VALUE + ", X'" + "33".repeat(32) + "', 0, X'"
                    + "00".repeat(20) + "', X'" + "00".repeat(32) + "', 5)");
        }
        try (Connection other = DriverManager.getConnection(url, H2Files.USER, "");
                Statement s = other.createStatement()) {
            // puts the uncommitted rows in the file, with their undo log
            s.execute("CHECKPOINT SYNC");
        }

        // The last block reaches the file through commit() alone: no checkpoint, no close after it.
        ChainFixture.commit(store, chain.next(List.of()));
        System.out.println(
                READY + " " + chain.tip().height() + " " + chain.tip().hash());
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(3);
    }
}
