package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.BlockExecutor.ExecutedBlock;
import global.cas.chain.ChainTip;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.LedgerDelta;
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
import java.util.Map;

/**
 * Writes one executed block into the current database transaction of the writer connection: the
 * block row, its transactions, the outputs it creates, the outputs it spends, the balances it
 * touches and the tip, each as one JDBC batch of a statement prepared once. It neither commits nor
 * rolls back; the caller owns the transaction. Not thread-safe: the chain thread only.
 */
final class BlockWriter implements AutoCloseable {
    private static final Comparator<UnspentOutput> BY_STORAGE_ID = Comparator.comparingLong(UnspentOutput::storageId);
    private static final Comparator<Map.Entry<BalanceKey, Long>> BY_BALANCE_KEY =
            Comparator.<Map.Entry<BalanceKey, Long>, BalanceKey>comparing(Map.Entry::getKey, (a, b) -> {
                int c = a.owner().compareTo(b.owner());
                return c != 0
                        ? c
                        : Arrays.compareUnsigned(
                                a.asset().storageKey(), b.asset().storageKey());
            });

    private final PreparedStatement insertBlock;
    private final PreparedStatement insertTransaction;
    private final PreparedStatement insertOutput;
    private final PreparedStatement spendOutput;
    private final PreparedStatement putBalance;
    private final PreparedStatement deleteBalance;
    private final PreparedStatement putTip;
    private final List<PreparedStatement> all;

    BlockWriter(Connection c) throws SQLException {
        insertBlock = c.prepareStatement(
                "INSERT INTO blocks (height, hash, header, proposer_key, proposer_signature, tx_count, block_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertTransaction = c.prepareStatement(
                "INSERT INTO transactions (id, txid, height, idx, kind, bytes) VALUES (?, ?, ?, ?, ?, ?)");
        insertOutput = c.prepareStatement(
                "INSERT INTO outputs (id, txid, out_index, owner, asset, amount, spent_height) VALUES (?, ?, ?, ?, ?, ?, NULL)");
        // The reference columns make a spend of the wrong row (cache and storage out of step) fail.
        spendOutput = c.prepareStatement(
                "UPDATE outputs SET spent_height = ? WHERE id = ? AND txid = ? AND out_index = ? AND spent_height IS NULL");
        putBalance =
                c.prepareStatement("MERGE INTO balances (owner, asset, amount) KEY (owner, asset) VALUES (?, ?, ?)");
        deleteBalance = c.prepareStatement("DELETE FROM balances WHERE owner = ? AND asset = ?");
        putTip = c.prepareStatement(
                "MERGE INTO chain_tip (id, height, hash, tip_time, state_root, target, frozen_remaining, state_digest)"
                        + " KEY (id) VALUES (0, ?, ?, ?, ?, ?, ?, ?)");
        all = List.of(insertBlock, insertTransaction, insertOutput, spendOutput, putBalance, deleteBalance, putTip);
    }

    /**
     * Adds every row of {@code executed} to the open transaction, the tip with {@code digest} (the
     * unspent outputs' digest after the block; null when unknown, in a store of an older version).
     */
    void write(ExecutedBlock executed, StateDigest digest) throws SQLException {
        Block block = executed.block();
        long height = block.height();
        writeBlock(block);
        writeTransactions(height, block.transactions());
        LedgerDelta delta = executed.delta();
        writeCreated(delta.created());
        writeSpent(height, delta.spent());
        writeBalances(delta.balances());
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
        insertBlock.setBytes(4, block.proposerKey().bytes());
        insertBlock.setBytes(5, block.proposerSignature().bytes());
        insertBlock.setInt(6, block.transactions().size());
        insertBlock.setLong(7, block.header().time());
        expectOne(insertBlock.executeUpdate(), "block " + block.height());
    }

    private void writeTransactions(long height, List<Transaction> txs) throws SQLException {
        if (txs.isEmpty()) {
            return;
        }
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            byte[] encoded = tx.encoded();
            insertTransaction.setLong(1, RowKeys.transaction(height, i));
            insertTransaction.setBytes(2, tx.id().bytes());
            insertTransaction.setLong(3, height);
            insertTransaction.setInt(4, i);
            insertTransaction.setByte(5, encoded[0]); // the wire form starts with the kind tag
            insertTransaction.setBytes(6, encoded);
            insertTransaction.addBatch();
        }
        insertTransaction.executeBatch();
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

    private void writeSpent(long height, List<UnspentOutput> spent) throws SQLException {
        if (spent.isEmpty()) {
            return;
        }
        List<UnspentOutput> sorted = new ArrayList<>(spent);
        sorted.sort(BY_STORAGE_ID);
        for (UnspentOutput u : sorted) {
            spendOutput.setLong(1, height);
            spendOutput.setLong(2, u.storageId());
            spendOutput.setBytes(3, u.ref().txId().bytes());
            spendOutput.setInt(4, u.ref().index());
            spendOutput.addBatch();
        }
        int[] counts = spendOutput.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                UnspentOutput u = sorted.get(i);
                throw new SQLException(
                        "L1: output " + u.ref() + " (storage id " + u.storageId()
                                + ") is not an unspent output in the database",
                        "23000");
            }
        }
    }

    private void writeBalances(Map<BalanceKey, Long> balances) throws SQLException {
        if (balances.isEmpty()) {
            return;
        }
        List<Map.Entry<BalanceKey, Long>> sorted = new ArrayList<>(balances.entrySet());
        sorted.sort(BY_BALANCE_KEY);
        boolean puts = false;
        boolean deletes = false;
        for (Map.Entry<BalanceKey, Long> e : sorted) {
            long amount = e.getValue();
            if (amount < 0) {
                throw new SQLException("L2: negative balance " + amount + " for " + e.getKey(), "22003");
            }
            byte[] owner = e.getKey().owner().bytes();
            byte[] asset = e.getKey().asset().storageKey();
            if (amount == 0) {
                deleteBalance.setBytes(1, owner);
                deleteBalance.setBytes(2, asset);
                deleteBalance.addBatch();
                deletes = true;
            } else {
                putBalance.setBytes(1, owner);
                putBalance.setBytes(2, asset);
                putBalance.setLong(3, amount);
                putBalance.addBatch();
                puts = true;
            }
        }
        if (puts) {
            putBalance.executeBatch();
        }
        if (deletes) {
            deleteBalance.executeBatch();
        }
    }

    private void writeTip(ChainTip tip, StateDigest digest) throws SQLException {
        putTip.setLong(1, tip.height());
        putTip.setBytes(2, tip.hash().bytes());
        putTip.setLong(3, tip.time());
        putTip.setBytes(4, tip.stateRoot().bytes());
        putTip.setLong(5, tip.target());
        putTip.setLong(6, tip.frozenRemaining());
        putTip.setBytes(7, digest == null ? null : digest.value().bytes());
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
