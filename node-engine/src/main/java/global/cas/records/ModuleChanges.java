package global.cas.records;

import java.util.List;

/**
 * What one block changed in one module's records, in key order: storage applies it in the block's
 * database transaction and keeps each change in the module's history (ballots are never pruned,
 * G38). Immutable.
 *
 * @param module the module's stable name ("governance")
 * @param changes each record set or removed, in key order, each key once
 */
public record ModuleChanges(String module, List<RecordChange> changes) {
    public ModuleChanges {
        if (module.isEmpty() || module.length() > 32) {
            throw new IllegalArgumentException("a module name has 1 to 32 characters");
        }
        changes = List.copyOf(changes);
    }

    /** No change to {@code module}. */
    public static ModuleChanges none(String module) {
        return new ModuleChanges(module, List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
