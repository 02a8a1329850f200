package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.ExecutedBlock;
import global.cas.codec.Encoder;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.LedgerDelta;
import global.cas.ledger.Owner;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.store.StateDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one executed block into the current database transaction of the writer connection: the
 * block row, its transactions, the outputs it creates, the outputs it spends, its evidence (C4) and the tip, each as one JDBC batch of a statement prepared once. It neither commits nor
 * rolls back; the caller owns the transaction. Not thread-safe: the chain thread only.
 */
final class BlockWriter implements AutoCloseable {
    /**
     * The block format this version writes (chain_format.version). 5: the genesis governance state
     * holds the reserve's payout state (G22); 4: the state root joins the
     * governance root and module records are stored (V8, decision 45); 3: the state root joins the
     * evidence root (V7, decision 38); 2: the state machine's headers (V3, decision 27).
     */
    static final int FORMAT = 5;

    private static final Comparator<UnspentOutput> BY_STORAGE_ID = Comparator.comparingLong(UnspentOutput::storageId);

    private final PreparedStatement insertBlock;
    private final PreparedStatement insertTransaction;
    private final PreparedStatement insertOutput;
    private final PreparedStatement insertSpend;
    private final PreparedStatement putTip;
    private final PreparedStatement insertCommit;
    private final PreparedStatement canonicalCommit;
    private final PreparedStatement putParams;
    private final PreparedStatement putValidators;
    private final PreparedStatement putOwner;
    private final PreparedStatement insertColoured;
    private final PreparedStatement insertFormat;
    private final PreparedStatement insertEvidence;
    private final PreparedStatement putRecord;
    private final PreparedStatement deleteRecord;
    private final PreparedStatement insertHistory;
    private final List<PreparedStatement> all;

    BlockWriter(Connection c) throws SQLException {
        insertBlock = c.prepareStatement(
                "INSERT INTO blocks (height, hash, header, tx_count, block_time) VALUES (?, ?, ?, ?, ?)");
        insertTransaction = c.prepareStatement(
                "INSERT INTO transactions (id, txid, height, idx, kind, bytes) VALUES (?, ?, ?, ?, ?, ?)");
        insertOutput = c.prepareStatement(
                "INSERT INTO outputs (id, txid, out_index, owner, asset, amount) VALUES (?, ?, ?, ?, ?, ?)");
        insertSpend = c.prepareStatement("INSERT INTO spends (id, output_id) VALUES (?, ?)");
        putTip = c.prepareStatement("MERGE INTO chain_tip (id, height, hash, tip_time, state_root, target,"
                + " frozen_remaining, state_digest, ledger_root, balances_root, evidence_root) KEY (id)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertCommit = c.prepareStatement("INSERT INTO commits (height, bytes) VALUES (?, ?)");
        canonicalCommit = c.prepareStatement("UPDATE commits SET bytes = ? WHERE height = ?");
        putParams = c.prepareStatement("MERGE INTO params_versions (height, bytes) KEY (height) VALUES (?, ?)");
        putValidators = c.prepareStatement("MERGE INTO validator_versions (height, bytes) KEY (height) VALUES (?, ?)");
        putOwner = c.prepareStatement("MERGE INTO owners (address, bytes) KEY (address) VALUES (?, ?)");
        insertColoured = c.prepareStatement("INSERT INTO coloured_outputs (id, txid, out_index, consumer, asset,"
                + " amount, period, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insertFormat = c.prepareStatement("INSERT INTO chain_format (id, version) VALUES (0, " + FORMAT + ")");
        insertEvidence = c.prepareStatement("INSERT INTO evidence (id, height, bytes) VALUES (?, ?, ?)");
        putRecord = c.prepareStatement(
                "MERGE INTO module_records (module, rkey, bytes) KEY (module, rkey) VALUES (?, ?, ?)");
        deleteRecord = c.prepareStatement("DELETE FROM module_records WHERE module = ? AND rkey = ?");
        insertHistory = c.prepareStatement(
                "INSERT INTO module_history (id, module, height, rkey, bytes) VALUES (?, ?, ?, ?, ?)");
        all = List.of(
                insertBlock,
                insertTransaction,
                insertOutput,
                insertSpend,
                putTip,
                insertCommit,
                canonicalCommit,
                putParams,
                putValidators,
                putOwner,
                insertColoured,
                insertFormat,
                insertEvidence,
                putRecord,
                deleteRecord,
                insertHistory);
    }

    /** Every record module's changes: its current records and its history (G38). */
    private void writeModules(ExecutedBlock executed, long height) throws SQLException {
        int index = 0;
        boolean puts = false;
        boolean deletes = false;
        for (global.cas.records.ModuleChanges m : executed.moduleChanges()) {
            for (global.cas.records.RecordChange c : m.changes()) {
                byte[] key = c.key().bytes();
                java.util.Optional<byte[]> value = c.value();
                if (value.isPresent()) {
                    putRecord.setString(1, m.module());
                    putRecord.setBytes(2, key);
                    putRecord.setBytes(3, value.get());
                    putRecord.addBatch();
                    puts = true;
                } else {
                    deleteRecord.setString(1, m.module());
                    deleteRecord.setBytes(2, key);
                    deleteRecord.addBatch();
                    deletes = true;
                }
                insertHistory.setLong(1, RowKeys.moduleChange(height, index++));
                insertHistory.setString(2, m.module());
                insertHistory.setLong(3, height);
                insertHistory.setBytes(4, key);
                insertHistory.setBytes(5, value.orElse(null));
                insertHistory.addBatch();
            }
        }
        if (puts) {
            putRecord.executeBatch();
        }
        if (deletes) {
            deleteRecord.executeBatch();
        }
        if (index > 0) {
            insertHistory.executeBatch();
        }
    }

    /**
     * Adds every row of {@code executed} to the open transaction, the tip with {@code digest} (the
     * unspent outputs' digest after the block; null when unknown, in a store of an older version).
     */
    void write(ExecutedBlock executed, Commit commit, StateDigest digest) throws SQLException {
        Block block = executed.block();
        long height = block.height();
        if (height == 0) {
            expectOne(insertFormat.executeUpdate(), "the block format");
        }
        writeBlock(block);
        if (height > 1) {
            // the commit this node saw for the block before may hold other precommits than the one
            // the proposer put in this block; the block's is the canonical one, kept from now on
            canonicalCommit.setBytes(1, block.lastCommit().encoded());
            canonicalCommit.setLong(2, height - 1);
            expectOne(canonicalCommit.executeUpdate(), "the commit of block " + (height - 1));
        }
        insertCommit.setLong(1, height);
        insertCommit.setBytes(2, commit.encoded());
        expectOne(insertCommit.executeUpdate(), "the commit of block " + height);
        if (executed.paramsChanged().isPresent()) {
            for (var v : executed.paramsChanged().get().versions().entrySet()) {
                Encoder e = new Encoder(32);
                v.getValue().encode(e);
                putParams.setLong(1, v.getKey());
                putParams.setBytes(2, e.toBytes());
                putParams.addBatch();
            }
            putParams.executeBatch();
        }
        if (executed.validatorsChanged().isPresent()) {
            for (var v : executed.validatorsChanged().get().versions().entrySet()) {
                Encoder e = new Encoder(64);
                v.getValue().encode(e);
                putValidators.setLong(1, v.getKey());
                putValidators.setBytes(2, e.toBytes());
                putValidators.addBatch();
            }
            putValidators.executeBatch();
        }
        writeModules(executed, height);
        for (Owner o : executed.delta().owners().values()) {
            putOwner.setBytes(1, o.address().bytes());
            putOwner.setBytes(2, Owner.encoded(o));
            putOwner.addBatch();
        }
        if (!executed.delta().owners().isEmpty()) {
            putOwner.executeBatch();
        }
        for (ColouredOutput c : executed.delta().coloured()) {
            insertColoured.setLong(1, c.storageId());
            insertColoured.setBytes(2, c.ref().txId().bytes());
            insertColoured.setInt(3, c.ref().index());
            insertColoured.setBytes(4, c.consumer().bytes());
            insertColoured.setBytes(5, c.asset().storageKey());
            insertColoured.setLong(6, c.amount());
            insertColoured.setLong(7, c.period());
            insertColoured.setString(8, c.memo());
            insertColoured.addBatch();
        }
        if (!executed.delta().coloured().isEmpty()) {
            insertColoured.executeBatch();
        }
        writeTransactions(height, block.transactions());
        writeEvidence(height, block.evidence());
        LedgerDelta delta = executed.delta();
        writeCreated(delta.created());
        writeSpent(height, delta.spent());
        writeTip(executed.tip(), digest);
    }

    /** Drops rows batched but not executed, after a failure, so the next block starts clean. */
    void clearBatches() {
        for (PreparedStatement s : all) {
            try {
                s.clearBatch();
            } catch (SQLException ignored) {
                // the connection is being rolled back or is broken; nothing batched survives either way
            }
        }
    }

    private void writeBlock(Block block) throws SQLException {
        insertBlock.setLong(1, block.height());
        insertBlock.setBytes(2, block.hash().bytes());
        insertBlock.setBytes(3, block.header().encoded());
        insertBlock.setInt(4, block.transactions().size());
        insertBlock.setLong(5, block.header().time());
        expectOne(insertBlock.executeUpdate(), "block " + block.height());
    }

    /**
     * Inserts the block's transactions in the order of their ids, not of the block: each insert
     * also adds the id to the {@code transactions_txid} index, where ids land at random, and in id
     * order every leaf of that index the block touches is changed in one run of inserts, so H2 copies
     * and writes it once a block instead of again each time a later insert comes back to it (H2
     * stores the pages changed so far whenever some 19 MB of them wait, several times in a full
     * block). The rows' keys still say their place in the block.
     */
    private void writeTransactions(long height, List<Transaction> txs) throws SQLException {
        if (txs.isEmpty()) {
            return;
        }
        Integer[] order = new Integer[txs.size()];
        byte[][] ids = new byte[txs.size()][];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            ids[i] = txs.get(i).id().bytes();
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(ids[a], ids[b]));
        for (int i : order) {
            Transaction tx = txs.get(i);
            byte[] encoded = tx.encoded();
            insertTransaction.setLong(1, RowKeys.transaction(height, i));
            insertTransaction.setBytes(2, ids[i]);
            insertTransaction.setLong(3, height);
            insertTransaction.setInt(4, i);
            insertTransaction.setByte(5, (byte) tx.action().tag());
            insertTransaction.setBytes(6, encoded);
            insertTransaction.addBatch();
        }
        insertTransaction.executeBatch();
    }

    private void writeEvidence(long height, List<DoubleSignEvidence> evidence) throws SQLException {
        if (evidence.isEmpty()) {
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            insertEvidence.setLong(1, RowKeys.evidence(height, i));
            insertEvidence.setLong(2, height);
            insertEvidence.setBytes(3, evidence.get(i).encoded());
            insertEvidence.addBatch();
        }
        insertEvidence.executeBatch();
    }

    private void writeCreated(List<UnspentOutput> created) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        List<UnspentOutput> sorted = new ArrayList<>(created);
        sorted.sort(BY_STORAGE_ID);
        for (UnspentOutput u : sorted) {
            insertOutput.setLong(1, u.storageId());
            insertOutput.setBytes(2, u.ref().txId().bytes());
            insertOutput.setInt(3, u.ref().index());
            insertOutput.setBytes(4, u.output().owner().bytes());
            insertOutput.setBytes(5, u.output().asset().storageKey());
            insertOutput.setLong(6, u.output().amount());
            insertOutput.addBatch();
        }
        insertOutput.executeBatch();
    }

    /**
     * Appends one row per spent output, keyed by the block's height and the spend's position: no
     * row of {@code outputs} is touched. An output spent twice in the block fails the commit. (The
     * ledger checked each spend against the unspent outputs it holds; a spend of an output an
     * earlier block spent, a store out of step with it, is refused at the next start, where every
     * spend is read back: an output spent twice is damage, and so is a digest that differs.)
     */
    private void writeSpent(long height, List<UnspentOutput> spent) throws SQLException {
        if (spent.isEmpty()) {
            return;
        }
        if (spent.size() > RowKeys.MAX_SPENDS_PER_BLOCK) {
            throw new SQLException("block " + height + " spends " + spent.size() + " outputs, more than a spend key"
                    + " has room for");
        }
        List<UnspentOutput> sorted = new ArrayList<>(spent);
        sorted.sort(BY_STORAGE_ID);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i).storageId() == sorted.get(i - 1).storageId()) {
                throw new SQLException(
                        "L1: block " + height + " spends output "
                                + sorted.get(i).ref() + " twice",
                        "23000");
            }
            insertSpend.setLong(1, RowKeys.spend(height, i));
            insertSpend.setLong(2, sorted.get(i).storageId());
            insertSpend.addBatch();
        }
        insertSpend.executeBatch();
    }

    private void writeTip(ChainTip tip, StateDigest digest) throws SQLException {
        putTip.setLong(1, tip.height());
        putTip.setBytes(2, tip.hash().bytes());
        putTip.setLong(3, tip.time());
        putTip.setBytes(4, tip.stateRoot().bytes());
        putTip.setLong(5, tip.target());
        putTip.setLong(6, tip.frozenRemaining());
        putTip.setBytes(7, digest == null ? null : digest.value().bytes());
        putTip.setBytes(8, tip.roots().ledgerChanges().bytes());
        putTip.setBytes(9, tip.roots().balances().bytes());
        putTip.setBytes(10, tip.roots().evidence().bytes());
        expectOne(putTip.executeUpdate(), "the chain tip");
    }

    private static void expectOne(int count, String what) throws SQLException {
        if (count != 1) {
            throw new SQLException("writing " + what + " changed " + count + " rows instead of one");
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement s : all) {
            try {
                s.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
