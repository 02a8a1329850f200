package global.cas.store.h2;

import global.cas.chain.ChainTip;
import global.cas.chain.ModuleRoots;
import global.cas.crypto.Hash;
import global.cas.params.Params;
import global.cas.params.ParamsSchedule;
import global.cas.store.ChainDataException;
import global.cas.validators.ValidatorSchedule;
import global.cas.validators.ValidatorSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the module state a chain database holds beside its blocks: the block format, every version
 * of the parameters and of the validator set, and the tip with its module roots (the evidence root
 * among them) and the record modules' records, checked against
 * the tip's state root. Used once, when the store opens, on its writer connection.
 */
final class ModuleStateRows {
    private ModuleStateRows() {}

    static final String TIP_QUERY = "SELECT height, hash, tip_time, state_root, target, frozen_remaining,"
            + " state_digest, ledger_root, balances_root, evidence_root FROM chain_tip WHERE id = 0";

    static ChainTip tip(
            ResultSet r, ParamsSchedule params, ValidatorSchedule validators, Hash governanceRoot, String where)
            throws SQLException {
        byte[] ledgerRoot = r.getBytes(8);
        byte[] balancesRoot = r.getBytes(9);
        byte[] evidenceRoot = r.getBytes(10);
        if (ledgerRoot == null
                || balancesRoot == null
                || evidenceRoot == null
                || params == null
                || validators == null) {
            throw ChainDataException.damaged("the chain database " + where + " has a tip but no module state");
        }
        ModuleRoots roots = new ModuleRoots(
                Hash.of(ledgerRoot),
                Hash.of(balancesRoot),
                params.root(),
                validators.root(),
                Hash.of(evidenceRoot),
                governanceRoot);
        if (!roots.stateRoot().equals(Hash.of(r.getBytes(4)))) {
            throw ChainDataException.damaged(
                    "the module state in the chain database " + where + " does not give the tip's state root");
        }
        return new ChainTip(r.getLong(1), Hash.of(r.getBytes(2)), r.getLong(3), roots, r.getLong(5), r.getLong(6));
    }

    /**
     * Every current record of {@code module}, as stored; a key or record that breaks the limits of
     * the records' format is damage.
     */
    static global.cas.records.RecordSet readModule(Connection c, String module, String where) throws SQLException {
        java.util.Map<global.cas.records.RecordKey, byte[]> rows = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT rkey, bytes FROM module_records WHERE module = ?")) {
            s.setString(1, module);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byte[] key = r.getBytes(1);
                    byte[] bytes = r.getBytes(2);
                    if (key == null
                            || key.length == 0
                            || key.length > global.cas.records.RecordKey.MAX_LENGTH
                            || bytes == null
                            || bytes.length == 0) {
                        throw ChainDataException.damaged("a " + module + " record in " + where + " is malformed");
                    }
                    rows.put(global.cas.records.RecordKey.of(key), bytes);
                }
            }
        }
        return global.cas.records.RecordSet.of(rows);
    }

    static java.util.OptionalInt readFormat(Connection w) throws SQLException {
        try (PreparedStatement s = w.prepareStatement("SELECT version FROM chain_format WHERE id = 0");
                ResultSet r = s.executeQuery()) {
            return r.next() ? java.util.OptionalInt.of(r.getInt(1)) : java.util.OptionalInt.empty();
        }
    }

    static ParamsSchedule readParams(Connection w, String where) throws SQLException {
        java.util.NavigableMap<Long, Params> v =
                readVersions(w, "params_versions", Params::decode, "parameters", where);
        return fold(v, ParamsSchedule::genesis, ParamsSchedule::with);
    }

    static ValidatorSchedule readValidators(Connection w, String where) throws SQLException {
        java.util.NavigableMap<Long, ValidatorSet> v =
                readVersions(w, "validator_versions", ValidatorSet::decode, "validators", where);
        return fold(v, ValidatorSchedule::genesis, ValidatorSchedule::with);
    }

    /** Every row of a versions table, decoded, by height; a row that does not decode is damage. */
    private static <T> java.util.NavigableMap<Long, T> readVersions(
            Connection w,
            String table,
            java.util.function.Function<global.cas.codec.Decoder, T> decode,
            String what,
            String where)
            throws SQLException {
        java.util.NavigableMap<Long, T> versions = new java.util.TreeMap<>();
        try (PreparedStatement s = w.prepareStatement("SELECT height, bytes FROM " + table + " ORDER BY height");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long height = r.getLong(1);
                try {
                    global.cas.codec.Decoder d = new global.cas.codec.Decoder(r.getBytes(2));
                    versions.put(height, decode.apply(d));
                    d.finish();
                } catch (RuntimeException e) {
                    throw ChainDataException.damaged(
                            "the " + what + " of height " + height + " in " + where + " do not decode", e);
                }
            }
        }
        return versions;
    }

    /** The schedule of {@code versions} (null when there are none: a store without genesis). */
    private static <T, S> S fold(
            java.util.NavigableMap<Long, T> versions, java.util.function.Function<T, S> genesis, Later<S, T> with) {
        S schedule = null;
        for (var e : versions.entrySet()) {
            schedule = schedule == null ? genesis.apply(e.getValue()) : with.apply(schedule, e.getKey(), e.getValue());
        }
        return schedule;
    }

    @FunctionalInterface
    private interface Later<S, T> {
        S apply(S schedule, long height, T version);
    }
}
