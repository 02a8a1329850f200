package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.List;

/**
 * A block: header, transactions in execution order and the commit of the block before it (whose
 * hash the header carries, C3). Its own commit is stored beside it and carried by the next block:
 * the commit, more than 2/3 of the voting power precommitting the header's hash, is what makes a
 * block authentic, so the block carries no signature of its proposer (decision 32; the BFT
 * engine's proposal message is signed, as in CometBFT, and is not stored). Immutable.
 */
public record Block(BlockHeader header, List<Transaction> transactions, Commit lastCommit) {
    /** Largest encoded block accepted. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    public static final int MAX_TRANSACTIONS = 200_000;

    public Block {
        transactions = List.copyOf(transactions);
    }

    public Hash hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    /** The total fees of the block's transactions (S6). */
    public long fees() {
        long sum = 0;
        for (Transaction t : transactions) {
            sum = global.cas.ledger.Amounts.add(sum, t.fee());
        }
        return sum;
    }

    public byte[] encoded() {
        Encoder e = new Encoder(512 + transactions.size() * 200);
        header.encode(e);
        e.list(transactions, Transaction::write);
        lastCommit.encode(e);
        return e.toBytes();
    }

    public static Block decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RejectedException(Reason.OVERSIZE, "A block may have at most " + MAX_BYTES + " bytes.");
        }
        Decoder d = new Decoder(bytes);
        BlockHeader h = BlockHeader.decode(d);
        List<Transaction> txs = d.list(MAX_TRANSACTIONS, Transaction::read);
        Block b = new Block(h, txs, Commit.decode(d));
        d.finish();
        return b;
    }
}
