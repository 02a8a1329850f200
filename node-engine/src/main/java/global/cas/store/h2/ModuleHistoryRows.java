package global.cas.store.h2;

import global.cas.records.RecordKey;
import global.cas.store.ChainStore.RecordVersion;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the record modules' history ({@code module_history}, V8, never pruned: G38): every version
 * of one record, and a module's records under a prefix as they stood after any height. Thread-safe
 * (stateless; each call on the reader it is given).
 */
final class ModuleHistoryRows {
    private ModuleHistoryRows() {}

    /** Every version of {@code key}, oldest first. */
    static List<RecordVersion> history(ReaderPool.Reader r, String module, RecordKey key) throws SQLException {
        PreparedStatement s =
                r.prepare("SELECT height, bytes FROM module_history WHERE module = ? AND rkey = ? ORDER BY id");
        s.setString(1, module);
        s.setBytes(2, key.bytes());
        List<RecordVersion> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new RecordVersion(rs.getLong(1), Optional.ofNullable(rs.getBytes(2))));
            }
        }
        return out;
    }

    /** The records under {@code prefix} after block {@code height}, in key order, after {@code after}, at most {@code limit}. */
    static List<Map.Entry<RecordKey, byte[]>> at(
            ReaderPool.Reader r, String module, RecordKey prefix, long height, Optional<RecordKey> after, int limit)
            throws SQLException {
        // the newest version at or below the height of each key under the prefix, if it holds bytes
        PreparedStatement s = r.prepare("SELECT h.rkey, h.bytes FROM module_history h"
                + " WHERE h.module = ? AND h.rkey > ? AND h.rkey >= ? AND h.height <= ?"
                + " AND h.id = (SELECT MAX(g.id) FROM module_history g"
                + " WHERE g.module = h.module AND g.rkey = h.rkey AND g.height <= ?)"
                + " AND h.bytes IS NOT NULL ORDER BY h.rkey LIMIT ?");
        s.setString(1, module);
        s.setBytes(2, after.map(RecordKey::bytes).orElse(new byte[0]));
        s.setBytes(3, prefix.bytes());
        s.setLong(4, height);
        s.setLong(5, height);
        s.setInt(6, limit);
        List<Map.Entry<RecordKey, byte[]>> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                RecordKey k = RecordKey.of(rs.getBytes(1));
                if (!k.startsWith(prefix)) {
                    break;
                }
                out.add(Map.entry(k, rs.getBytes(2)));
            }
        }
        return out;
    }
}
