package global.cas.store.h2;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Owner;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainDataException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams the ledger's rows out of a chain database through its reader connections: unspent
 * outputs, the outputs a block created, registered owners and coloured outputs, each in
 * key order, with damaged rows refused. Stateless; thread-safe as the reader pool is.
 */
final class StateRows {
    private StateRows() {}

    static void forEachOwner(ReaderPool readers, Consumer<Owner> sink) {
        readers.read(() -> "owners", r -> {
            PreparedStatement s = r.prepare("SELECT address, bytes FROM owners ORDER BY address");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Owner o;
                    try {
                        o = Owner.decoded(rs.getBytes(2));
                    } catch (RuntimeException e) {
                        throw ChainDataException.damaged("A registered owner does not decode", e);
                    }
                    if (!java.util.Arrays.equals(o.address().bytes(), rs.getBytes(1))) {
                        throw ChainDataException.damaged("A registered owner is stored under another address");
                    }
                    sink.accept(o);
                }
            }
            return Optional.empty();
        });
    }

    static void forEachColoured(ReaderPool readers, Consumer<ColouredOutput> sink) {
        readers.read(() -> "coloured outputs", r -> {
            PreparedStatement s = r.prepare("SELECT id, txid, out_index, consumer, asset, amount, period, memo"
                    + " FROM coloured_outputs ORDER BY id");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ColouredOutput(
                            new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3)),
                            rs.getLong(1),
                            Address.of(rs.getBytes(4)),
                            AssetId.fromStorageKey(rs.getBytes(5)),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getString(8)));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Every output no spend names, in id order, as of the tip when the read starts: the spent ids up
     * to that height are read first (sorted in memory, 8 bytes each), then the outputs up to it are
     * streamed in id order beside them. Spends and outputs both key their rows by height first, and
     * rows at or below the tip never change, so blocks committed meanwhile cannot mix in. A spend
     * naming an output twice, or one that does not exist, is damage.
     */
    static void forEachUnspent(ReaderPool readers, Consumer<UnspentOutput> sink) {
        readers.read(() -> "the unspent outputs", r -> {
            PreparedStatement tip = r.prepare("SELECT height FROM chain_tip WHERE id = 0");
            long bound;
            try (ResultSet rs = tip.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                bound = UnspentOutput.storageId(rs.getLong(1) + 1, 0, 0);
            }
            long[] spent = spentIds(r, bound);
            PreparedStatement s =
                    r.prepare("SELECT id, txid, out_index, owner, asset, amount FROM outputs WHERE id < ? ORDER BY id");
            s.setLong(1, bound);
            int next = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (next < spent.length && spent[next] < id) {
                        throw spendOfMissing(spent[next]);
                    }
                    if (next < spent.length && spent[next] == id) {
                        next++;
                        continue;
                    }
                    OutputRef ref = new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3));
                    TxOutput out = new TxOutput(
                            Address.of(rs.getBytes(4)), AssetId.fromStorageKey(rs.getBytes(5)), rs.getLong(6));
                    sink.accept(new UnspentOutput(ref, out, id));
                }
            }
            if (next < spent.length) {
                throw spendOfMissing(spent[next]);
            }
            return null;
        });
    }

    private static ChainDataException spendOfMissing(long outputId) {
        return ChainDataException.damaged(
                "A spend names output " + outputId + ", which the chain database does not hold (L1)");
    }

    /** The ids of the outputs spent below the spend key {@code bound}, sorted; one spent twice is damage (L1). */
    private static long[] spentIds(ReaderPool.Reader r, long bound) throws java.sql.SQLException {
        PreparedStatement s = r.prepare("SELECT output_id FROM spends WHERE id < ?");
        s.setLong(1, bound);
        long[] out = new long[1024];
        int n = 0;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = rs.getLong(1);
            }
        }
        long[] ids = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw ChainDataException.damaged(
                        "The chain database records output " + ids[i] + " as spent twice (L1)");
            }
        }
        return ids;
    }

    static java.util.List<UnspentOutput> outputsCreated(ReaderPool readers, long from, long to) {
        return readers.read(() -> "the outputs " + from + ".." + to, r -> {
            PreparedStatement s = r.prepare(
                    "SELECT id, txid, out_index, owner, asset, amount FROM outputs WHERE id BETWEEN ? AND ? ORDER BY id");
            s.setLong(1, from);
            s.setLong(2, to);
            java.util.List<UnspentOutput> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OutputRef ref = new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3));
                    TxOutput o = new TxOutput(
                            Address.of(rs.getBytes(4)), AssetId.fromStorageKey(rs.getBytes(5)), rs.getLong(6));
                    out.add(new UnspentOutput(ref, o, rs.getLong(1)));
                }
            }
            return out;
        });
    }
}
