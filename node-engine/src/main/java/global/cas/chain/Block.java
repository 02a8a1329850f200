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
 * A block: header, transactions in execution order, and the proposer's signature of the header
 * hash. (The BFT engine will add the commit's precommit signatures, C3.)
 */
public record Block(
        BlockHeader header, List<Transaction> transactions, PublicKey proposerKey, Signature proposerSignature) {
    /** Largest encoded block accepted. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    public static final int MAX_TRANSACTIONS = 200_000;

    public Block {
        transactions = List.copyOf(transactions);
    }

    public static Block signed(BlockHeader header, List<Transaction> transactions, KeyPair proposer) {
        return new Block(
                header,
                transactions,
                proposer.publicKey(),
                proposer.sign(header.hash().bytes()));
    }

    public Hash hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    public byte[] encoded() {
        Encoder e = new Encoder(256 + transactions.size() * 200);
        header.encode(e);
        e.list(transactions, Transaction::write);
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
        Block b = new Block(h, txs, d.publicKey(), d.signature());
        d.finish();
        return b;
    }
}
