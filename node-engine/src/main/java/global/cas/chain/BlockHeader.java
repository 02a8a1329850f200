package global.cas.chain;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;

/**
 * A block header: chain, height, previous block, time (milliseconds of block time, C5), proposer,
 * the hash of the previous block's commit (C3), the hashes of the validator set of this height and
 * of the next, of the parameters in force and of the evidence carried, the root of the block's
 * transactions and the root of the state after the block (C6). Its hash is the block's id, which
 * validators precommit.
 */
public record BlockHeader(
        String chainId,
        long height,
        Hash previousHash,
        long time,
        Address proposer,
        Hash lastCommitHash,
        Hash validatorsHash,
        Hash nextValidatorsHash,
        Hash paramsHash,
        Hash evidenceHash,
        Hash transactionsRoot,
        Hash stateRoot,
        Hash hash) {
    /** The header format: its first byte. */
    public static final int FORMAT = 2;

    /** The evidence hash of a block that carries none ({@link DoubleSignEvidence#root} of no evidence, C4). */
    public static final Hash NO_EVIDENCE = MerkleTree.root(java.util.List.of());

    /** The header fields, before hashing. */
    public record Fields(
            String chainId,
            long height,
            Hash previousHash,
            long time,
            Address proposer,
            Hash lastCommitHash,
            Hash validatorsHash,
            Hash nextValidatorsHash,
            Hash paramsHash,
            Hash evidenceHash,
            Hash transactionsRoot,
            Hash stateRoot) {
        void encode(Encoder e) {
            e.u8(FORMAT)
                    .string(chainId)
                    .u64(height)
                    .hash(previousHash)
                    .u64(time)
                    .address(proposer)
                    .hash(lastCommitHash)
                    .hash(validatorsHash)
                    .hash(nextValidatorsHash)
                    .hash(paramsHash)
                    .hash(evidenceHash)
                    .hash(transactionsRoot)
                    .hash(stateRoot);
        }

        public BlockHeader seal() {
            Encoder e = new Encoder(400);
            encode(e);
            return sealedAs(Hash.sha256(e.toBytes()));
        }

        /** The header of these fields with {@code hash}, which must be the hash of their encoding. */
        private BlockHeader sealedAs(Hash hash) {
            return new BlockHeader(
                    chainId,
                    height,
                    previousHash,
                    time,
                    proposer,
                    lastCommitHash,
                    validatorsHash,
                    nextValidatorsHash,
                    paramsHash,
                    evidenceHash,
                    transactionsRoot,
                    stateRoot,
                    hash);
        }
    }

    public Fields fields() {
        return new Fields(
                chainId,
                height,
                previousHash,
                time,
                proposer,
                lastCommitHash,
                validatorsHash,
                nextValidatorsHash,
                paramsHash,
                evidenceHash,
                transactionsRoot,
                stateRoot);
    }

    public void encode(Encoder e) {
        fields().encode(e);
    }

    public byte[] encoded() {
        Encoder e = new Encoder(400);
        encode(e);
        return e.toBytes();
    }

    /**
     * Reads a header; its hash is that of the bytes read (the encoding is canonical: {@link
     * Decoder#sha256Since}), so a header read back is not encoded again.
     */
    public static BlockHeader decode(Decoder d) {
        int start = d.position();
        int format = d.u8();
        if (format != FORMAT) {
            throw Decoder.malformed("unknown block header format " + format);
        }
        return new Fields(
                        d.string(Transaction.MAX_CHAIN_ID_BYTES),
                        d.u64(),
                        d.hash(),
                        d.u64(),
                        d.address(),
                        d.hash(),
                        d.hash(),
                        d.hash(),
                        d.hash(),
                        d.hash(),
                        d.hash(),
                        d.hash())
                .sealedAs(d.sha256Since(start));
    }

    /** A copy with another state root, used only to build invalid blocks in tests and tools. */
    public BlockHeader withStateRoot(Hash root) {
        Fields f = fields();
        return new Fields(
                        f.chainId,
                        f.height,
                        f.previousHash,
                        f.time,
                        f.proposer,
                        f.lastCommitHash,
                        f.validatorsHash,
                        f.nextValidatorsHash,
                        f.paramsHash,
                        f.evidenceHash,
                        f.transactionsRoot,
                        root)
                .seal();
    }
}
