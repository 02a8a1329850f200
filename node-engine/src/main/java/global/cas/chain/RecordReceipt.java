package global.cas.chain;

import global.cas.crypto.Hash;
import global.cas.records.RecordKey;
import global.cas.records.RecordTree;
import global.cas.statetree.Proof;
import java.util.Optional;

/**
 * G38: a receipt that a record (a voter's ballot, with its weight) is in a module's state at a
 * height, checkable with no node: the record's key and bytes, the tree's proof of them under the
 * module's root, and every module root, whose hash is the state root of the block header at that
 * height (C6). Whoever holds the header (from any node, or a block explorer) compares its state
 * root with {@link #stateRoot()}. Immutable.
 *
 * @param chainId the chain
 * @param height the block whose state holds the record
 * @param blockHash that block's hash
 * @param key the record's key
 * @param record the record's bytes
 * @param proof the proof of the record under {@code roots.governance()}
 * @param roots every module root after that block
 */
public record RecordReceipt(
        String chainId, long height, Hash blockHash, RecordKey key, byte[] record, Proof proof, ModuleRoots roots) {
    public RecordReceipt {
        record = record.clone();
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    /** The state root these roots give: the header of block {@link #height} must name it. */
    public Hash stateRoot() {
        return roots.stateRoot();
    }

    /**
     * Whether the proof shows exactly these bytes under the governance root of {@link #roots}
     * (a changed weight, voter or choice fails).
     */
    public boolean proves() {
        return proof.verify(roots.governance(), RecordTree.key(key), Optional.of(RecordTree.value(record)));
    }
}
