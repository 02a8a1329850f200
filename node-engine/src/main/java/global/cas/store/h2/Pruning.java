package global.cas.store.h2;

import global.cas.chain.ChainTip;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.h2.StoreException;
import global.cas.ledger.AssetId;
import global.cas.ledger.OutputRef;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainDataException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The SQL of pruning old block bodies (docs/storage.md, "Pruning"): one pass's deletions, the
 * stored prune height, and the outputs a wallet resumes from past the pruned blocks. The caller
 * ({@link H2ChainStore}) holds the locks and commits or rolls back. Stateless.
 */
final class Pruning {
    private Pruning() {}

    /** The stored prune height, checked against the tip: pruning never reaches the tip. */
    static long readBelow(Connection w, ChainTip tip, String where) throws SQLException {
        try (PreparedStatement s = w.prepareStatement("SELECT below FROM chain_prune WHERE id = 0");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return 0;
            }
            long below = r.getLong(1);
            if (tip == null || below < 2 || below > tip.height()) {
                throw ChainDataException.damaged("The chain database " + where + " records blocks pruned below " + below
                        + ", which its tip " + (tip == null ? "(none)" : tip.height()) + " cannot have.");
            }
            return below;
        }
    }

    /**
     * Deletes, uncommitted, the transactions of blocks {@code from} up to the block that reaches
     * {@code maxTransactions} (at least one block, never {@code below} or above), those blocks'
     * spend rows and the outputs they name, and records the new prune height. The outputs deleted
     * must be exactly as many as the spend rows: otherwise a spend names a missing output, damage
     * (L1), and the caller rolls back.
     *
     * @return the new prune height: the first block whose transactions are kept
     */
    static long pass(Connection w, long from, long below, int maxTransactions, String where) throws SQLException {
        long to = from;
        long txs = 0;
        try (PreparedStatement s = w.prepareStatement(
                "SELECT height, tx_count FROM blocks WHERE height >= ? AND height < ? ORDER BY height")) {
            s.setLong(1, from);
            s.setLong(2, below);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int count = rs.getInt(2);
                    if (to > from && txs + count > maxTransactions) {
                        break;
                    }
                    txs += count;
                    to = rs.getLong(1) + 1;
                }
            }
        }
        long spendFrom = RowKeys.spend(from, 0);
        long spendTo = RowKeys.spend(to, 0);
        int outputs = rangeUpdate(
                w,
                "DELETE FROM outputs WHERE id IN (SELECT output_id FROM spends WHERE id >= ? AND id < ?)",
                spendFrom,
                spendTo);
        int spends = rangeUpdate(w, "DELETE FROM spends WHERE id >= ? AND id < ?", spendFrom, spendTo);
        if (outputs != spends) {
            throw ChainDataException.damaged("Blocks " + from + " to " + (to - 1) + " of " + where + " record " + spends
                    + " spends of " + outputs + " stored outputs (L1).");
        }
        rangeUpdate(
                w,
                "DELETE FROM transactions WHERE id >= ? AND id < ?",
                RowKeys.transaction(from, 0),
                RowKeys.transaction(to, 0));
        try (PreparedStatement m = w.prepareStatement("MERGE INTO chain_prune (id, below) KEY (id) VALUES (0, ?)")) {
            m.setLong(1, to);
            m.executeUpdate();
        }
        return to;
    }

    private static int rangeUpdate(Connection w, String sql, long from, long to) throws SQLException {
        try (PreparedStatement s = w.prepareStatement(sql)) {
            s.setLong(1, from);
            s.setLong(2, to);
            return s.executeUpdate();
        }
    }

    /** The stored prune height as the reader sees it now; 0 when nothing is pruned. */
    static long prunedBelow(ReaderPool.Reader r) throws SQLException {
        PreparedStatement s = r.prepare("SELECT below FROM chain_prune WHERE id = 0");
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * The outputs of {@code owners} below the prune height: after a pass to {@code below} the rows
     * of blocks under it are exactly the outputs unspent after block {@code below - 1} (the spent
     * ones went with their spend rows). The prune height is read before and after the outputs; a
     * pass committed in between (the height only grows) makes the read start again.
     */
    static Optional<global.cas.store.ChainStore.PrunedOutputs> prunedOutputs(
            ReaderPool readers, java.util.Set<Address> owners) {
        return readers.read(() -> "the outputs kept below the pruned blocks", r -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                long below = prunedBelow(r);
                if (below == 0) {
                    return Optional.empty();
                }
                PreparedStatement h = r.prepare("SELECT hash, header FROM blocks WHERE height = ?");
                h.setLong(1, below - 1);
                Hash hash;
                try (ResultSet rs = h.executeQuery()) {
                    if (!rs.next()) {
                        throw ChainDataException.damaged("The header of pruned block " + (below - 1) + " is missing.");
                    }
                    hash = BlockReader.checkedHeader(below - 1, rs.getBytes(1), rs.getBytes(2))
                            .hash();
                }
                PreparedStatement s = r.prepare(
                        "SELECT id, txid, out_index, owner, asset, amount FROM outputs WHERE id < ? ORDER BY id");
                s.setLong(1, UnspentOutput.storageId(below, 0, 0));
                java.util.List<UnspentOutput> held = new java.util.ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Address owner = Address.of(rs.getBytes(4));
                        if (owners.contains(owner)) {
                            OutputRef ref = new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3));
                            TxOutput o = new TxOutput(owner, AssetId.fromStorageKey(rs.getBytes(5)), rs.getLong(6));
                            held.add(new UnspentOutput(ref, o, rs.getLong(1)));
                        }
                    }
                }
                if (prunedBelow(r) == below) {
                    return Optional.of(new global.cas.store.ChainStore.PrunedOutputs(below - 1, hash, held));
                }
            }
            throw new StoreException("the pruned height kept moving while its outputs were read");
        });
    }
}
