/**
 * A module's state as authenticated records: each record is a canonical key and canonical bytes,
 * held in key order (so a module lists a prefix, e.g. every ballot of one vote) and hashed into a
 * {@link global.cas.statetree.StateTree} whose root is the module's root in the state root (C6). A
 * block changes a module through a {@link RecordOverlay} and hands its {@link ModuleChanges} to
 * storage, which writes them generically: a module that keeps its state as records needs no new
 * table and no change to the block writer. Depends on {@code codec}, {@code crypto} and {@code
 * statetree}.
 */
package global.cas.records;
