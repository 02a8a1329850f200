package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction: an envelope around one {@link Action}. The envelope is the same for every kind: the
 * chain id and expiry height (L4), the whole outputs it spends and the outputs it creates (L1), the
 * fee in CAS for the packer (S6) and the witnesses. Per asset the inputs equal the outputs plus the
 * fee plus what the action consumes, less what it credits (a mining proof's fee comes out of its
 * reward).
 *
 * <p>The id is SHA-256 of the body (everything but the witnesses), so a signature cannot change the
 * id (U3). The wire form is the body followed by the witnesses. Immutable and thread-safe.
 */
public record Transaction(
        String chainId,
        long expiryHeight,
        List<OutputRef> inputs,
        List<TxOutput> outputs,
        long fee,
        Action action,
        List<Witness> witnesses,
        Hash id,
        byte[] body,
        byte[] encoded) {
    /** The envelope format: the first byte of every body. */
    public static final int FORMAT = 1;
    /** Largest encoded transaction accepted anywhere. */
    public static final int MAX_BYTES = 100_000;

    public static final int MAX_INPUTS = 1000;
    public static final int MAX_OUTPUTS = 1000;
    public static final int MAX_CHAIN_ID_BYTES = 64;

    public Transaction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        witnesses = List.copyOf(witnesses);
    }

    public int size() {
        return encoded.length;
    }

    /** Everything but the witnesses: sign {@link #id()} and attach them. */
    public record Unsigned(
            String chainId,
            long expiryHeight,
            List<OutputRef> inputs,
            List<TxOutput> outputs,
            long fee,
            Action action) {
        public Unsigned {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public byte[] body() {
            Encoder e = new Encoder(96 + inputs.size() * 40 + outputs.size() * 40);
            e.u8(FORMAT).string(chainId).u64(expiryHeight);
            e.list(inputs, (enc, in) -> in.encode(enc));
            e.list(outputs, (enc, out) -> out.encode(enc));
            e.u64(fee);
            Action.write(e, action);
            return e.toBytes();
        }

        public Hash id() {
            return Hash.sha256(body());
        }

        /** Signs with each distinct key once (validation matches keys to the inputs' owners). */
        public Transaction sign(Collection<KeyPair> keys) {
            byte[] body = body();
            Hash id = Hash.sha256(body);
            byte[] msg = id.bytes();
            Map<String, Witness> unique = new LinkedHashMap<>();
            for (KeyPair k : keys) {
                unique.putIfAbsent(k.publicKey().hex(), new Witness(k.publicKey(), k.sign(msg)));
            }
            return assemble(body, id, new ArrayList<>(unique.values()));
        }

        /** Attaches witnesses as given, valid or not: validation decides. */
        public Transaction withWitnesses(List<Witness> witnesses) {
            byte[] body = body();
            return assemble(body, Hash.sha256(body), witnesses);
        }

        /** The transaction with no witness at all (a mining proof spends nothing, so needs none). */
        public Transaction unwitnessed() {
            return withWitnesses(List.of());
        }

        private Transaction assemble(byte[] body, Hash id, List<Witness> witnesses) {
            Encoder e = new Encoder(body.length + 4 + witnesses.size() * 96);
            e.fixed(body);
            e.list(witnesses, (enc, w) -> w.encode(enc));
            return new Transaction(
                    chainId, expiryHeight, inputs, outputs, fee, action, witnesses, id, body, e.toBytes());
        }
    }

    /** Decodes a whole transaction, rejecting oversize, truncated, malformed or trailing bytes. */
    public static Transaction decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "A transaction may have at most " + MAX_BYTES + " bytes, this one has " + bytes.length + ".");
        }
        Decoder d = new Decoder(bytes);
        Transaction tx = read(d);
        d.finish();
        return tx;
    }

    public static Transaction read(Decoder d) {
        int start = d.position();
        int format = d.u8();
        if (format != FORMAT) {
            throw Decoder.malformed("unknown transaction format " + format);
        }
        String chainId = d.string(MAX_CHAIN_ID_BYTES);
        long expiry = d.u64();
        List<OutputRef> inputs = d.list(MAX_INPUTS, OutputRef::decode);
        List<TxOutput> outputs = d.list(MAX_OUTPUTS, TxOutput::decode);
        long fee = d.u64();
        Action action = Action.read(d);
        // every value read has one encoding only (Decoder), so the bytes read are the body and the
        // whole transaction as encoding them again would give: sliced, not encoded a second time
        byte[] body = d.bytesSince(start);
        List<Witness> witnesses = d.list(MAX_INPUTS, Witness::decode);
        byte[] encoded = d.bytesSince(start);
        return new Transaction(
                chainId, expiry, inputs, outputs, fee, action, witnesses, Hash.sha256(body), body, encoded);
    }

    public static void write(Encoder e, Transaction tx) {
        e.fixed(tx.encoded());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && Arrays.equals(encoded, t.encoded);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return action.kindName() + "[" + id.hex() + ", " + inputs.size() + " in, " + outputs.size() + " out, fee " + fee
                + "]";
    }
}
