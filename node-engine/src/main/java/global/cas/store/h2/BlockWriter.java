package global.cas.store.h2;

import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.chain.Commit;
import global.cas.chain.ExecutedBlock;
import global.cas.codec.Encoder;
import global.cas.ledger.BalanceKey;
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
import java.util.Map;

/**
 * Writes one executed block into the current database transaction of the writer connection: the
 * block row, its transactions, the outputs it creates, the outputs it spends, the balances it
 * touches and the tip, each as one JDBC batch of a statement prepared once. It neither commits nor
 * rolls back; the caller owns the transaction. Not thread-safe: the chain thread only.
 */
final class BlockWriter implements AutoCloseable {
    /** The block format this version writes (chain_format.version). */
    static final int FORMAT = 2;

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
    private final PreparedStatement insertCommit;
    private final PreparedStatement putParams;
    private final PreparedStatement putValidators;
    private final PreparedStatement putOwner;
    private final PreparedStatement insertColoured;
    private final PreparedStatement insertFormat;
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
        putTip = c.prepareStatement("MERGE INTO chain_tip (id, height, hash, tip_time, state_root, target,"
                + " frozen_remaining, state_digest, ledger_root, balances_root) KEY (id)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertCommit = c.prepareStatement("INSERT INTO commits (height, bytes) VALUES (?, ?)");
        putParams = c.prepareStatement("MERGE INTO params_versions (height, bytes) KEY (height) VALUES (?, ?)");
        putValidators = c.prepareStatement("MERGE INTO validator_versions (height, bytes) KEY (height) VALUES (?, ?)");
        putOwner = c.prepareStatement("MERGE INTO owners (address, bytes) KEY (address) VALUES (?, ?)");
        insertColoured = c.prepareStatement("INSERT INTO coloured_outputs (id, txid, out_index, consumer, asset,"
                + " amount, period, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insertFormat = c.prepareStatement("INSERT INTO chain_format (id, version) VALUES (0, " + FORMAT + ")");
        all = List.of(
                insertBlock,
                insertTransaction,
                insertOutput,
                spendOutput,
                putBalance,
                deleteBalance,
                putTip,
                insertCommit,
                putParams,
                putValidators,
                putOwner,
                insertColoured,
                insertFormat);
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
            insertTransaction.setByte(5, (byte) tx.action().tag());
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
        putTip.setBytes(8, tip.roots().ledgerChanges().bytes());
        putTip.setBytes(9, tip.roots().balances().bytes());
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
