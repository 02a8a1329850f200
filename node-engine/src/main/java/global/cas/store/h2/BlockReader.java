package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor;
import global.cas.chain.BlockHeader;
import global.cas.chain.Commit;
import global.cas.codec.Decoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import global.cas.ledger.Transaction;
import global.cas.store.ChainDataException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one stored block (header, transactions, the last commit, the proposer's key and signature)
 * or one commit through a reader connection, refusing anything that does not match its header as
 * damage ({@code ChainDataException}). Stateless; safe from any thread with its own reader.
 */
final class BlockReader {
    private BlockReader() {}

    static Optional<Block> readBlock(ReaderPool.Reader r, long height) throws SQLException {
        PreparedStatement s = r.prepare(
                "SELECT hash, header, proposer_key, proposer_signature, tx_count FROM blocks WHERE height = ?");
        s.setLong(1, height);
        byte[] hash;
        byte[] header;
        byte[] key;
        byte[] signature;
        int count;
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            hash = rs.getBytes(1);
            header = rs.getBytes(2);
            key = rs.getBytes(3);
            signature = rs.getBytes(4);
            count = rs.getInt(5);
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
            if (height > 0 && height < StateRows.prunedBelow(r)) {
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
        PublicKey proposerKey;
        Signature proposerSignature;
        try {
            proposerKey = PublicKey.of(key);
            proposerSignature = Signature.of(signature);
        } catch (RuntimeException e) {
            throw ChainDataException.damaged("The proposer key or signature of block " + height + " is damaged", e);
        }
        // the key and signature are stored beside the header, so the header's hash does not cover
        // them: a damaged byte there must not give a block that names one proposer and carries another's key
        // (genesis has no proposer's signature; it is checked against the genesis parameters at start)
        if (height > 0
                && (!Address.of(proposerKey).equals(h.proposer())
                        || !proposerKey.verify(h.hash().bytes(), proposerSignature))) {
            throw ChainDataException.damaged(
                    "The proposer key or signature stored with block " + height + " does not match its header.");
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
        return Optional.of(new Block(h, txs, lastCommit, proposerKey, proposerSignature));
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
