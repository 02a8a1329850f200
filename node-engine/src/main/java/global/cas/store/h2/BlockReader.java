package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.BlockHeader;
import global.cas.chain.Commit;
import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.StoredEvidence;
import global.cas.codec.Decoder;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.store.ChainDataException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one stored block (header, transactions, the last commit, its evidence) or one commit, or
 * the evidence recorded, through a reader connection, refusing anything that does not match its header as
 * damage ({@code ChainDataException}). Stateless; safe from any thread with its own reader.
 */
final class BlockReader {
    private BlockReader() {}

    static Optional<Block> readBlock(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare("SELECT hash, header, tx_count FROM blocks WHERE height = ?");
        s.setLong(1, height);
        byte[] hash;
        byte[] header;
        int count;
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            hash = rs.getBytes(1);
            header = rs.getBytes(2);
            count = rs.getInt(3);
        }
        List<Transaction> txs = new ArrayList<>(count);
        if (count > 0) {
            PreparedStatement t = r.prepare("SELECT bytes FROM transactions WHERE id BETWEEN ? AND ? ORDER BY id");
            t.setLong(1, RowKeys.transaction(height, 0));
            t.setLong(2, RowKeys.transaction(height, count - 1));
            try (ResultSet rs = t.executeQuery()) {
                while (rs.next()) {
                    txs.add(decodeTransaction(rs.getBytes(1), "block " + height));
                }
            }
        }
        if (txs.size() != count) {
            if (height > 0 && height < Pruning.prunedBelow(r)) {
                // a pruning pass committed since the caller looked: the block's body is gone, not damaged
                return Optional.empty();
            }
            throw ChainDataException.damaged(
                    "Block " + height + " lists " + count + " transactions but the database holds " + txs.size() + ".");
        }
        BlockHeader h = checkedHeader(height, hash, header);
        if (!BlockExecutor.transactionsRoot(txs).equals(h.transactionsRoot())) {
            throw ChainDataException.damaged(
                    "The transactions of block " + height + " in the database do not match its header's root.");
        }
        Commit lastCommit = height == 0
                ? Commit.NONE
                : readCommit(r, height - 1)
                        .orElseThrow(() ->
                                ChainDataException.damaged("The commit of block " + (height - 1) + " is missing."));
        if (!lastCommit.hash().equals(h.lastCommitHash())) {
            throw ChainDataException.damaged("The commit of block " + (height - 1)
                    + " in the database does not match block " + height + "'s header.");
        }
        List<DoubleSignEvidence> evidence =
                h.evidenceHash().equals(BlockHeader.NO_EVIDENCE) ? List.of() : readEvidence(r, height);
        if (!DoubleSignEvidence.root(evidence).equals(h.evidenceHash())) {
            throw ChainDataException.damaged(
                    "The evidence of block " + height + " in the database does not match its header's hash.");
        }
        return Optional.of(new Block(h, txs, lastCommit, evidence));
    }

    private static List<DoubleSignEvidence> readEvidence(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare("SELECT id, height, bytes FROM evidence WHERE id BETWEEN ? AND ? ORDER BY id");
        s.setLong(1, RowKeys.evidence(height, 0));
        s.setLong(2, RowKeys.evidence(height, DoubleSignEvidence.MAX_PER_BLOCK - 1));
        List<DoubleSignEvidence> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(stored(rs).evidence());
            }
        }
        return out;
    }

    /** Every piece of recorded evidence, in chain order, to {@code sink}. */
    static void forEachEvidence(ReaderPool.Reader r, java.util.function.Consumer<StoredEvidence> sink)
            throws SQLException {
        PreparedStatement s = r.prepare("SELECT id, height, bytes FROM evidence ORDER BY id");
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sink.accept(stored(rs));
            }
        }
    }

    /**
     * Up to {@code limit} pieces of recorded evidence after {@code afterPosition} ({@link
     * StoredEvidence#position}; -1: from the first), in chain order.
     */
    static List<StoredEvidence> readEvidencePage(ReaderPool.Reader r, long afterPosition, int limit)
            throws SQLException {
        long afterId = afterPosition < 0
                ? -1
                : RowKeys.evidence(afterPosition / DoubleSignEvidence.MAX_PER_BLOCK, (int)
                        (afterPosition % DoubleSignEvidence.MAX_PER_BLOCK));
        PreparedStatement s =
                r.prepare("SELECT id, height, bytes FROM evidence WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY");
        s.setLong(1, afterId);
        s.setInt(2, limit);
        List<StoredEvidence> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(stored(rs));
            }
        }
        return out;
    }

    /** One row of {@code evidence} (id, height, bytes); a row that does not decode or sits elsewhere is damage. */
    private static StoredEvidence stored(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long height = rs.getLong(2);
        long index = height < 1 || height > RowKeys.MAX_HEIGHT ? -1 : id - RowKeys.evidence(height, 0);
        if (index < 0 || index >= DoubleSignEvidence.MAX_PER_BLOCK) {
            throw ChainDataException.damaged("An evidence row of block " + height + " is stored under another key.");
        }
        try {
            return new StoredEvidence(height, (int) index, DoubleSignEvidence.decode(rs.getBytes(3)));
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("The evidence of block " + height + " in the database does not decode", e);
        }
    }

    /** The height of the block with {@code hash}; empty when none is stored. */
    static java.util.OptionalLong heightOf(ReaderPool.Reader r, Hash hash) throws SQLException {
        PreparedStatement s = r.prepare("SELECT height FROM blocks WHERE hash = ?");
        s.setBytes(1, hash.bytes());
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
        }
    }

    /** The hash of block {@code height} from its checked header (kept when its body is pruned). */
    static Optional<Hash> readHash(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare("SELECT hash, header FROM blocks WHERE height = ?");
        s.setLong(1, height);
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(
                    checkedHeader(height, rs.getBytes(1), rs.getBytes(2)).hash());
        }
    }

    /** The first stored transaction with id {@code id}, with where it is. */
    static Optional<global.cas.chain.StoredTransaction> readTransaction(ReaderPool.Reader r, Hash id)
            throws SQLException {
        PreparedStatement s = r.prepare(
                "SELECT t.bytes, t.height, t.idx, b.hash FROM transactions t JOIN blocks b ON b.height = t.height"
                        + " WHERE t.txid = ? ORDER BY t.id FETCH FIRST 1 ROW ONLY");
        s.setBytes(1, id.bytes());
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long height = rs.getLong(2);
            Transaction tx = decodeTransaction(rs.getBytes(1), "block " + height);
            return Optional.of(
                    new global.cas.chain.StoredTransaction(tx, height, rs.getInt(3), Hash.of(rs.getBytes(4))));
        }
    }

    static Optional<Commit> readCommit(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare("SELECT bytes FROM commits WHERE height = ?");
        s.setLong(1, height);
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Commit.decode(rs.getBytes(1)));
            } catch (RuntimeException e) {
                throw ChainDataException.damaged("The commit of block " + height + " does not decode", e);
            }
        }
    }

    /** Decodes a stored header and checks it hashes to the stored hash and sits at its height. */
    static BlockHeader checkedHeader(long height, byte[] hash, byte[] header) {
        BlockHeader h;
        try {
            Decoder d = new Decoder(header);
            h = BlockHeader.decode(d);
            d.finish();
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("The header of block " + height + " in the database does not decode", e);
        }
        if (hash == null || hash.length != Hash.LENGTH || !h.hash().equals(Hash.of(hash)) || h.height() != height) {
            throw ChainDataException.damaged(
                    "The header of block " + height + " in the database does not match its hash or height.");
        }
        return h;
    }

    static Transaction decodeTransaction(byte[] bytes, String where) {
        try {
            return Transaction.decode(bytes);
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("A transaction of " + where + " in the database does not decode", e);
        }
    }
}
