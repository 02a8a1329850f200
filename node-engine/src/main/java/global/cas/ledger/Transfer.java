package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves CAS (and later tokens) from whole spent outputs to new outputs, paying an explicit fee in
 * CAS to the packer (L1, S6). Each distinct owner of an input signs the id with one witness.
 */
public record Transfer(
        String chainId,
        long expiryHeight,
        List<OutputRef> inputs,
        List<TxOutput> outputs,
        long fee,
        List<Witness> witnesses,
        Hash id,
        byte[] body,
        byte[] encoded)
        implements Transaction {
    public static final int KIND = 1;
    public static final int MAX_INPUTS = 1000;
    public static final int MAX_OUTPUTS = 1000;
    public static final int MAX_CHAIN_ID_BYTES = 64;

    public Transfer {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        witnesses = List.copyOf(witnesses);
    }

    /** The unsigned body of a transfer: sign {@link Unsigned#id()} and attach the witnesses. */
    public record Unsigned(
            String chainId, long expiryHeight, List<OutputRef> inputs, List<TxOutput> outputs, long fee) {
        public Unsigned {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public byte[] body() {
            Encoder e = new Encoder(64 + inputs.size() * 40 + outputs.size() * 40);
            e.u8(KIND).string(chainId).u64(expiryHeight);
            e.list(inputs, (enc, in) -> in.encode(enc));
            e.list(outputs, (enc, out) -> out.encode(enc));
            e.u64(fee);
            return e.toBytes();
        }

        public Hash id() {
            return Hash.sha256(body());
        }

        /** Signs with each distinct key once (keys are matched to input owners by validation). */
        public Transfer sign(Collection<KeyPair> keys) {
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
        public Transfer withWitnesses(List<Witness> witnesses) {
            byte[] body = body();
            return assemble(body, Hash.sha256(body), witnesses);
        }

        private Transfer assemble(byte[] body, Hash id, List<Witness> witnesses) {
            Encoder e = new Encoder(body.length + 4 + witnesses.size() * 96);
            e.fixed(body);
            e.list(witnesses, (enc, w) -> w.encode(enc));
            return new Transfer(chainId, expiryHeight, inputs, outputs, fee, witnesses, id, body, e.toBytes());
        }
    }

    static Transfer read(Decoder d) {
        int start = d.position() - 1;
        String chainId = d.string(MAX_CHAIN_ID_BYTES);
        long expiry = d.u64();
        List<OutputRef> inputs = d.list(MAX_INPUTS, OutputRef::decode);
        List<TxOutput> outputs = d.list(MAX_OUTPUTS, TxOutput::decode);
        long fee = d.u64();
        Unsigned u = new Unsigned(chainId, expiry, inputs, outputs, fee);
        List<Witness> witnesses = d.list(MAX_INPUTS, Witness::decode);
        Transfer t = u.withWitnesses(witnesses);
        if (d.position() - start != t.encoded().length) {
            throw Decoder.malformed("transfer does not re-encode to the same bytes");
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transfer t && java.util.Arrays.equals(encoded, t.encoded);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Transfer[" + id.hex() + ", " + inputs.size() + " in, " + outputs.size() + " out, fee " + fee + "]";
    }
}
