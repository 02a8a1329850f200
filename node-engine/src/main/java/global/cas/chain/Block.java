package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.List;

/**
 * A block: header, transactions in execution order, the commit of the block before it (whose hash
 * the header carries, C3) and the proposer's signature of the header hash. Its own commit is
 * stored beside it and carried by the next block. Immutable.
 */
public record Block(
        BlockHeader header,
        List<Transaction> transactions,
        Commit lastCommit,
        PublicKey proposerKey,
        Signature proposerSignature) {
    /** Largest encoded block accepted. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    public static final int MAX_TRANSACTIONS = 200_000;

    public Block {
        transactions = List.copyOf(transactions);
    }

    public static Block signed(
            BlockHeader header, List<Transaction> transactions, Commit lastCommit, KeyPair proposer) {
        return new Block(
                header,
                transactions,
                lastCommit,
                proposer.publicKey(),
                proposer.sign(header.hash().bytes()));
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
        e.publicKey(proposerKey).signature(proposerSignature);
        return e.toBytes();
    }

    public static Block decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RejectedException(Reason.OVERSIZE, "A block may have at most " + MAX_BYTES + " bytes.");
        }
        Decoder d = new Decoder(bytes);
        BlockHeader h = BlockHeader.decode(d);
        List<Transaction> txs = d.list(MAX_TRANSACTIONS, Transaction::read);
        Block b = new Block(h, txs, Commit.decode(d), d.publicKey(), d.signature());
        d.finish();
        return b;
    }
}
