package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.Transfer;

/**
 * A block header: chain, height, previous block, time (milliseconds of block time, C5), proposer,
 * the root of the block's transaction ids and the root of the state after the block (C6). Its hash
 * is the block's id.
 */
public record BlockHeader(
        String chainId,
        long height,
        Hash previousHash,
        long time,
        Address proposer,
        Hash transactionsRoot,
        Hash stateRoot,
        Hash hash) {

    public static BlockHeader of(
            String chainId,
            long height,
            Hash previousHash,
            long time,
            Address proposer,
            Hash transactionsRoot,
            Hash stateRoot) {
        Encoder e = new Encoder(160);
        write(e, chainId, height, previousHash, time, proposer, transactionsRoot, stateRoot);
        return new BlockHeader(
                chainId, height, previousHash, time, proposer, transactionsRoot, stateRoot, Hash.sha256(e.toBytes()));
    }

    private static void write(
            Encoder e,
            String chainId,
            long height,
            Hash prev,
            long time,
            Address proposer,
            Hash txRoot,
            Hash stateRoot) {
        e.string(chainId)
                .u64(height)
                .hash(prev)
                .u64(time)
                .address(proposer)
                .hash(txRoot)
                .hash(stateRoot);
    }

    public void encode(Encoder e) {
        write(e, chainId, height, previousHash, time, proposer, transactionsRoot, stateRoot);
    }

    public byte[] encoded() {
        Encoder e = new Encoder(160);
        encode(e);
        return e.toBytes();
    }

    public static BlockHeader decode(Decoder d) {
        return of(d.string(Transfer.MAX_CHAIN_ID_BYTES), d.u64(), d.hash(), d.u64(), d.address(), d.hash(), d.hash());
    }

    /** A copy with another state root, used only to build invalid blocks in tests and tools. */
    public BlockHeader withStateRoot(Hash root) {
        return of(chainId, height, previousHash, time, proposer, transactionsRoot, root);
    }
}
