package global.cas.records;

import global.cas.crypto.Hash;
import global.cas.statetree.Proof;
import global.cas.statetree.StateTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One module's committed records, in key order, with their authenticated tree. Changed only by
 * {@link #apply} at a commit; a block under execution reads it through a {@link RecordOverlay}.
 * Not thread-safe: the chain thread changes it under its state lock, readers read under that lock.
 */
public final class RecordSet {
    private final NavigableMap<RecordKey, byte[]> records;
    private StateTree tree;

    private RecordSet(NavigableMap<RecordKey, byte[]> records, StateTree tree) {
        this.records = records;
        this.tree = tree;
    }

    /** No records. */
    public static RecordSet empty() {
        return new RecordSet(new ConcurrentSkipListMap<>(), new StateTree());
    }

    /** The records {@code stored} (as storage holds them), with their tree built in one pass. */
    public static RecordSet of(Map<RecordKey, byte[]> stored) {
        NavigableMap<RecordKey, byte[]> m = new ConcurrentSkipListMap<>();
        List<Map.Entry<Hash, Hash>> entries = new ArrayList<>(stored.size());
        stored.forEach((k, v) -> {
            byte[] copy = v.clone();
            m.put(k, copy);
            entries.add(Map.entry(RecordTree.key(k), RecordTree.value(copy)));
        });
        StateTree t = StateTree.build(entries);
        t.root();
        return new RecordSet(m, t);
    }

    /** The record of {@code key}, if present (a copy). */
    public Optional<byte[]> get(RecordKey key) {
        byte[] v = records.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    /** The stored bytes themselves, for an overlay that only reads them. */
    byte[] raw(RecordKey key) {
        return records.get(key);
    }

    NavigableMap<RecordKey, byte[]> map() {
        return records;
    }

    public boolean contains(RecordKey key) {
        return records.containsKey(key);
    }

    public int size() {
        return records.size();
    }

    /** The module's root (C6). */
    public Hash root() {
        return tree.root();
    }

    /** A proof of {@code key}'s record (or of its absence) under {@link #root()}. */
    public Proof prove(RecordKey key) {
        return tree.prove(RecordTree.key(key));
    }

    /** A fork of the tree, for a block to change. */
    StateTree forkTree() {
        return tree.fork();
    }

    /**
     * Up to {@code limit} records whose key starts with {@code prefix}, after {@code after} (or
     * from the first), in key order: a page of a listing.
     */
    public List<Map.Entry<RecordKey, byte[]>> page(RecordKey prefix, Optional<RecordKey> after, int limit) {
        NavigableMap<RecordKey, byte[]> range = prefixRange(records, prefix);
        if (after.isPresent()) {
            range = range.tailMap(after.get(), false);
        }
        List<Map.Entry<RecordKey, byte[]>> out = new ArrayList<>(Math.min(limit, 64));
        for (Map.Entry<RecordKey, byte[]> e : range.entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(Map.entry(e.getKey(), e.getValue().clone()));
        }
        return out;
    }

    /** How many records start with {@code prefix}. */
    public int count(RecordKey prefix) {
        return prefixRange(records, prefix).size();
    }

    static <V> NavigableMap<RecordKey, V> prefixRange(NavigableMap<RecordKey, V> map, RecordKey prefix) {
        Optional<RecordKey> end = prefix.prefixEnd();
        return end.isPresent() ? map.subMap(prefix, true, end.get(), false) : map.tailMap(prefix, true);
    }

    /**
     * Applies a committed block's {@code changes}, adopting {@code treeAfter} (the overlay's tree,
     * already holding them) so nothing is hashed twice.
     */
    public void apply(ModuleChanges changes, StateTree treeAfter) {
        for (RecordChange c : changes.changes()) {
            if (c.removed()) {
                records.remove(c.key());
            } else {
                records.put(c.key(), c.value().orElseThrow());
            }
        }
        tree = treeAfter;
    }
}
