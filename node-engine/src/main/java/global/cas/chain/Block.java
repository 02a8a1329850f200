package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.List;

/**
 * A block: header, transactions in execution order, the commit of the block before it (whose
 * hash the header carries, C3) and the evidence of double signs it records (whose hash the header
 * carries too, C4). Its own commit is stored beside it and carried by the next block: the commit,
 * more than 2/3 of the voting power precommitting the header's hash, is what makes a block
 * authentic, so the block carries no signature of its proposer (decision 32; the BFT engine's
 * proposal message is signed, as in CometBFT, and is not stored). Immutable.
 */
public record Block(
        BlockHeader header, List<Transaction> transactions, Commit lastCommit, List<DoubleSignEvidence> evidence) {
    /** Largest encoded block accepted. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    public static final int MAX_TRANSACTIONS = 200_000;

    public Block {
        transactions = List.copyOf(transactions);
        evidence = List.copyOf(evidence);
    }

    /** A block that carries no evidence. */
    public Block(BlockHeader header, List<Transaction> transactions, Commit lastCommit) {
        this(header, transactions, lastCommit, List.of());
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
        Encoder e = new Encoder(512 + transactions.size() * 200 + evidence.size() * DoubleSignEvidence.ENCODED_BYTES);
        header.encode(e);
        e.list(transactions, Transaction::write);
        lastCommit.encode(e);
        e.list(evidence, (enc, ev) -> ev.encode(enc));
        return e.toBytes();
    }

    /**
     * Reads a block: at most {@link #MAX_BYTES}, {@link #MAX_TRANSACTIONS} transactions and {@link
     * DoubleSignEvidence#MAX_PER_BLOCK} pieces of evidence, each of which must decode.
     */
    public static Block decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RejectedException(Reason.OVERSIZE, "A block may have at most " + MAX_BYTES + " bytes.");
        }
        Decoder d = new Decoder(bytes);
        BlockHeader h = BlockHeader.decode(d);
        List<Transaction> txs = d.list(MAX_TRANSACTIONS, Transaction::read);
        Commit last = Commit.decode(d);
        List<DoubleSignEvidence> evidence = d.list(DoubleSignEvidence.MAX_PER_BLOCK, DoubleSignEvidence::decode);
        Block b = new Block(h, txs, last, evidence);
        d.finish();
        return b;
    }
}
