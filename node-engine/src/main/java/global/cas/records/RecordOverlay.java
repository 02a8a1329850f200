package global.cas.records;

import global.cas.statetree.StateTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A block's pending changes to one module's records on top of the committed {@link RecordSet},
 * which stays untouched until the block commits: reads see the block's own writes first. Not
 * thread-safe: one block on the chain thread.
 */
public final class RecordOverlay {
    private static final byte[] REMOVED = new byte[0];

    private final String module;
    private final RecordSet base;
    private final NavigableMap<RecordKey, byte[]> written = new TreeMap<>();

    public RecordOverlay(String module, RecordSet base) {
        this.module = module;
        this.base = base;
    }

    /** The record of {@code key} as this block leaves it so far. The bytes must not be changed. */
    public Optional<byte[]> get(RecordKey key) {
        byte[] w = written.get(key);
        if (w != null) {
            return w == REMOVED ? Optional.empty() : Optional.of(w);
        }
        return Optional.ofNullable(base.raw(key));
    }

    public boolean contains(RecordKey key) {
        return get(key).isPresent();
    }

    /** Sets the record of {@code key} to {@code bytes} (not copied: the caller gives them up). */
    public void put(RecordKey key, byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a record has at least one byte");
        }
        written.put(key, bytes);
    }

    public void remove(RecordKey key) {
        written.put(key, REMOVED);
    }

    /**
     * Up to {@code limit} keys starting with {@code prefix}, as this block leaves them, in key
     * order.
     */
    public List<RecordKey> keys(RecordKey prefix, int limit) {
        List<RecordKey> out = new ArrayList<>();
        var baseKeys = RecordSet.prefixRange(base.map(), prefix).keySet().iterator();
        var ownKeys = RecordSet.prefixRange(written, prefix).keySet().iterator();
        RecordKey b = baseKeys.hasNext() ? baseKeys.next() : null;
        RecordKey o = ownKeys.hasNext() ? ownKeys.next() : null;
        while (out.size() < limit && (b != null || o != null)) {
            RecordKey next;
            if (o == null || (b != null && b.compareTo(o) < 0)) {
                next = b;
                b = baseKeys.hasNext() ? baseKeys.next() : null;
            } else {
                if (b != null && b.equals(o)) {
                    b = baseKeys.hasNext() ? baseKeys.next() : null;
                }
                next = o;
                o = ownKeys.hasNext() ? ownKeys.next() : null;
            }
            if (contains(next)) {
                out.add(next);
            }
        }
        return out;
    }

    /** The block's changes: every record whose bytes differ from the committed ones, in key order. */
    public ModuleChanges changes() {
        List<RecordChange> out = new ArrayList<>(written.size());
        for (Map.Entry<RecordKey, byte[]> e : written.entrySet()) {
            byte[] before = base.raw(e.getKey());
            byte[] after = e.getValue() == REMOVED ? null : e.getValue();
            if (after == null ? before == null : Arrays.equals(before, after)) {
                continue;
            }
            out.add(new RecordChange(e.getKey(), Optional.ofNullable(after)));
        }
        return new ModuleChanges(module, out);
    }

    /** The module's tree after {@code changes} (this overlay's {@link #changes()}), hashed. */
    public StateTree treeAfter(ModuleChanges changes) {
        StateTree t = base.forkTree();
        for (RecordChange c : changes.changes()) {
            if (c.removed()) {
                t.remove(RecordTree.key(c.key()));
            } else {
                t.put(RecordTree.key(c.key()), RecordTree.value(c.value().orElseThrow()));
            }
        }
        t.root();
        return t;
    }
}
