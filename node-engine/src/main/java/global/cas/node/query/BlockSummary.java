package global.cas.node.query;

import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import java.util.List;

/**
 * One committed block as a wallet scans it: height, hash, time (milliseconds), its transactions in
 * block order (every kind's value moves through its envelope's inputs and outputs) and the outputs
 * it created outside its transactions ({@code rewards}: the genesis allocations for block 0, the
 * packer's and miner's rewards after, S4). Immutable.
 */
public record BlockSummary(
        long height, Hash hash, long time, List<Transaction> transactions, List<UnspentOutput> rewards) {
    public BlockSummary {
        transactions = List.copyOf(transactions);
        rewards = List.copyOf(rewards);
    }
}
