package global.cas.store.h2;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.ColouredOutput;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Owner;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.store.ChainDataException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Streams the ledger's rows out of a chain database through its reader connections: unspent
 * outputs, the outputs a block created, balances, registered owners and coloured outputs, each in
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

    static void forEachUnspent(ReaderPool readers, Consumer<UnspentOutput> sink) {
        readers.read(() -> "the unspent outputs", r -> {
            PreparedStatement s = r.prepare(
                    "SELECT id, txid, out_index, owner, asset, amount FROM outputs WHERE spent_height IS NULL ORDER BY id");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OutputRef ref = new OutputRef(Hash.of(rs.getBytes(2)), rs.getInt(3));
                    TxOutput out = new TxOutput(
                            Address.of(rs.getBytes(4)), AssetId.fromStorageKey(rs.getBytes(5)), rs.getLong(6));
                    sink.accept(new UnspentOutput(ref, out, rs.getLong(1)));
                }
            }
            return null;
        });
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

    static void forEachBalance(ReaderPool readers, BiConsumer<BalanceKey, Long> sink) {
        readers.read(() -> "the balances", r -> {
            PreparedStatement s =
                    r.prepare("SELECT owner, asset, amount FROM balances WHERE amount <> 0 ORDER BY owner, asset");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(
                            new BalanceKey(Address.of(rs.getBytes(1)), AssetId.fromStorageKey(rs.getBytes(2))),
                            rs.getLong(3));
                }
            }
            return null;
        });
    }
}
