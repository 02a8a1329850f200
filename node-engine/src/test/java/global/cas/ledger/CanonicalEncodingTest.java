package global.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Sha256;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** U3: each ledger type has one canonical encoding; ids hash the signed body. */
class CanonicalEncodingTest {
    private static final Hash TX = Hash.sha256("some tx".getBytes(StandardCharsets.UTF_8));
    private static final Hash TOKEN = Hash.sha256("some token".getBytes(StandardCharsets.UTF_8));

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Encodes, decodes, checks every byte was read and that re-encoding gives the same bytes. */
    private static <T> T roundTrip(T value, BiConsumer<T, Encoder> write, Function<Decoder, T> read) {
        Encoder e = new Encoder();
        write.accept(value, e);
        byte[] bytes = e.toBytes();
        Decoder d = new Decoder(bytes);
        T back = read.apply(d);
        d.finish();
        Encoder again = new Encoder();
        write.accept(back, again);
        assertThat(again.toBytes()).isEqualTo(bytes);
        assertThat(back).isEqualTo(value);
        return back;
    }

    private static Transaction sampleTransfer() {
        KeyPair a = TestChain.funded(1);
        KeyPair b = TestChain.funded(2);
        return Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        42,
                        List.of(new OutputRef(TX, 0), new OutputRef(TX, 7)),
                        List.of(
                                new TxOutput(b.address(), AssetId.CAS, 5),
                                new TxOutput(a.address(), AssetId.token(TOKEN), 9)),
                        3000)
                .sign(List.of(a, b));
    }

    @Test
    @DisplayName("U3: AssetId round-trips: one tag byte for CAS, tag and hash for a token")
    void assetId() {
        roundTrip(AssetId.CAS, AssetId::encode, AssetId::decode);
        roundTrip(AssetId.token(TOKEN), AssetId::encode, AssetId::decode);
        assertThat(new Encoder().u8(0).toBytes()).isEqualTo(encode(AssetId.CAS::encode));
        assertThat(encode(AssetId.token(TOKEN)::encode)).hasSize(33);
        assertThat(AssetId.fromStorageKey(AssetId.CAS.storageKey())).isEqualTo(AssetId.CAS);
        assertThat(AssetId.fromStorageKey(AssetId.token(TOKEN).storageKey())).isEqualTo(AssetId.token(TOKEN));
        rejected(() -> AssetId.decode(new Decoder(new byte[] {2})), Reason.MALFORMED);
    }

    private static byte[] encode(java.util.function.Consumer<Encoder> c) {
        Encoder e = new Encoder();
        c.accept(e);
        return e.toBytes();
    }

    @Test
    @DisplayName("U3: OutputRef round-trips as transaction hash then varint index")
    void outputRef() {
        roundTrip(new OutputRef(TX, 0), OutputRef::encode, OutputRef::decode);
        roundTrip(new OutputRef(TX, 999), OutputRef::encode, OutputRef::decode);
        assertThat(encode(new OutputRef(TX, 300)::encode)).hasSize(34).endsWith((byte) 0xac, (byte) 0x02);
    }

    @Test
    @DisplayName("U3: OutputRef can name every genesis output, however many allocations the genesis has")
    void outputRefGenesisIndex() {
        // Genesis accepts up to 2^20 - 1 allocations, each an output of the genesis transaction.
        roundTrip(new OutputRef(TX, (1 << 20) - 1), OutputRef::encode, OutputRef::decode);
        byte[] tooBig = encode(new OutputRef(TX, 1 << 20)::encode);
        rejected(() -> OutputRef.decode(new Decoder(tooBig)), Reason.OVERSIZE);
    }

    @Test
    @DisplayName("U3: TxOutput round-trips: owner, asset, amount as 8 bytes")
    void txOutput() {
        Address owner = TestKeys.key(3).address();
        roundTrip(new TxOutput(owner, AssetId.CAS, 1), TxOutput::encode, TxOutput::decode);
        roundTrip(new TxOutput(owner, AssetId.token(TOKEN), Long.MAX_VALUE), TxOutput::encode, TxOutput::decode);
        assertThat(encode(new TxOutput(owner, AssetId.CAS, 1)::encode)).hasSize(20 + 1 + 8);
    }

    @Test
    @DisplayName("U3: Witness round-trips: 32-byte key then 64-byte signature")
    void witness() {
        KeyPair k = TestKeys.key(4);
        Witness w = new Witness(k.publicKey(), k.sign(new byte[] {1}));
        roundTrip(w, Witness::encode, Witness::decode);
        assertThat(encode(w::encode)).hasSize(96);
    }

    @Test
    @DisplayName("U3: Transfer round-trips through its wire bytes, witnesses included")
    void transfer() {
        Transaction t = sampleTransfer();
        Transaction back = Transaction.decode(t.encoded());
        assertThat(back).isEqualTo(t);
        assertThat(back.action()).isEqualTo(new Transfer());
        Transaction tb = back;
        assertThat(tb.encoded()).isEqualTo(t.encoded());
        assertThat(tb.id()).isEqualTo(t.id());
        assertThat(tb.inputs()).isEqualTo(t.inputs());
        assertThat(tb.outputs()).isEqualTo(t.outputs());
        assertThat(tb.witnesses()).isEqualTo(t.witnesses());
        assertThat(tb.fee()).isEqualTo(3000);
        assertThat(tb.expiryHeight()).isEqualTo(42);
        assertThat(tb.chainId()).isEqualTo(TestChain.CHAIN_ID);
        assertThat(t.encoded()[0]).isEqualTo((byte) Transaction.FORMAT);
        // the action tag follows the fee, at the end of the body
        assertThat(t.body()[t.body().length - 1]).isEqualTo((byte) Transfer.TAG);
    }

    @Test
    @DisplayName("U3: a transfer's id is SHA-256 of its body, and the wire form is the body then the witnesses")
    void transferId() {
        Transaction t = sampleTransfer();
        assertThat(t.id().bytes()).isEqualTo(Sha256.digest(t.body()));
        assertThat(t.encoded()).startsWith(t.body());
        assertThat(t.encoded().length).isEqualTo(t.body().length + 1 + 2 * 96);
    }

    @Test
    @DisplayName("U3: signatures do not change a transaction's id")
    void signaturesDoNotChangeId() {
        Transaction t = sampleTransfer();
        Transaction.Unsigned u = Transfer.unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee());
        assertThat(u.withWitnesses(List.of()).id()).isEqualTo(t.id());
        assertThat(u.sign(List.of(TestKeys.key(9))).id()).isEqualTo(t.id());
        assertThat(u.id()).isEqualTo(t.id());
        assertThat(u.withWitnesses(List.of()).encoded()).isNotEqualTo(t.encoded());
        // any change to the body changes the id
        assertThat(Transfer.unsigned(t.chainId(), t.expiryHeight() + 1, t.inputs(), t.outputs(), t.fee())
                        .id())
                .isNotEqualTo(t.id());
        assertThat(Transfer.unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee() + 1)
                        .id())
                .isNotEqualTo(t.id());
    }

    @Test
    @DisplayName("U3: signing with the same key twice yields one witness")
    void oneWitnessPerKey() {
        Transaction t = sampleTransfer();
        Transaction.Unsigned u = Transfer.unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee());
        assertThat(u.sign(List.of(TestKeys.key(1), TestKeys.key(1))).witnesses())
                .hasSize(1);
    }

    @Test
    @DisplayName("U3: a mining proof round-trips: an envelope with no inputs, outputs or witnesses around its action")
    void miningProof() {
        Transaction p = TestBlocks.miningProof(
                TestChain.CHAIN_ID, 17, TX, TestKeys.key(5).address(), 0xdead_beef_0000_0001L);
        Transaction back = Transaction.decode(p.encoded());
        assertThat(back).isEqualTo(p);
        MiningProof pb = (MiningProof) back.action();
        MiningProof pa = (MiningProof) p.action();
        assertThat(back.encoded()).isEqualTo(p.encoded());
        assertThat(pb.nonce()).isEqualTo(pa.nonce());
        assertThat(pb.miner()).isEqualTo(pa.miner());
        assertThat(pb.previousBlock()).isEqualTo(TX);
        assertThat(back.expiryHeight()).isEqualTo(17);
        assertThat(back.inputs()).isEmpty();
        assertThat(back.witnesses()).isEmpty();
        assertThat(p.id().bytes()).isEqualTo(Sha256.digest(p.body()));
        assertThat(p.encoded()[0]).isEqualTo((byte) Transaction.FORMAT);
        assertThat(p.size()).isEqualTo(MiningProof.size(TestChain.CHAIN_ID));
    }

    @Test
    @DisplayName(
            "U3: any bytes that decode as a transaction are the encoding of what they decode to, so its id and bytes"
                    + " can be taken from the bytes read (every single-byte change of each kind's sample, all 256 values)")
    void decodedBytesAreTheReEncoding() {
        List<Transaction> samples = List.of(
                sampleTransfer(),
                TestBlocks.miningProof(
                        TestChain.CHAIN_ID, 17, TX, TestKeys.key(5).address(), 0xdead_beef_0000_0001L));
        int decoded = 0;
        for (Transaction sample : samples) {
            byte[] good = sample.encoded();
            for (int i = 0; i < good.length; i++) {
                for (int v = 0; v < 256; v++) {
                    byte[] changed = good.clone();
                    changed[i] = (byte) v;
                    Transaction t;
                    try {
                        t = Transaction.decode(changed);
                    } catch (RejectedException refused) {
                        continue;
                    }
                    decoded++;
                    Transaction again = new Transaction.Unsigned(
                                    t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee(), t.action())
                            .withWitnesses(t.witnesses());
                    assertThat(t.encoded())
                            .as("byte %d set to %d", i, v)
                            .isEqualTo(changed)
                            .isEqualTo(again.encoded());
                    assertThat(t.body()).isEqualTo(again.body());
                    assertThat(t.id()).isEqualTo(again.id());
                }
            }
        }
        assertThat(decoded).as("changes that still decode").isGreaterThan(1000);
    }

    @Test
    @DisplayName("U3: equal values always encode to equal bytes")
    void deterministic() {
        assertThat(sampleTransfer().encoded()).isEqualTo(sampleTransfer().encoded());
        assertThat(TestBlocks.miningProof("c", 1, TX, TestKeys.key(1).address(), 5)
                        .encoded())
                .isEqualTo(TestBlocks.miningProof("c", 1, TX, TestKeys.key(1).address(), 5)
                        .encoded());
    }

    @Test
    @DisplayName("U3: a transaction with a non-minimal length varint is MALFORMED")
    void nonMinimalInTransaction() {
        byte[] enc = sampleTransfer().encoded();
        // byte 1 (after the format) is the chain id's length (10); write it as the two-byte 0x8a 0x00 instead
        assertThat(enc[1]).isEqualTo((byte) TestChain.CHAIN_ID.length());
        byte[] padded = new byte[enc.length + 1];
        padded[0] = enc[0];
        padded[1] = (byte) (enc[1] | 0x80);
        padded[2] = 0;
        System.arraycopy(enc, 2, padded, 3, enc.length - 2);
        rejected(() -> Transaction.decode(padded), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U3: trailing bytes after a transaction are MALFORMED")
    void trailingBytes() {
        byte[] enc = sampleTransfer().encoded();
        byte[] longer = java.util.Arrays.copyOf(enc, enc.length + 1);
        rejected(() -> Transaction.decode(longer), Reason.MALFORMED);
        byte[] proof = TestBlocks.miningProof(
                        TestChain.CHAIN_ID, 1, TX, TestKeys.key(1).address(), 1)
                .encoded();
        rejected(() -> Transaction.decode(java.util.Arrays.copyOf(proof, proof.length + 3)), Reason.MALFORMED);
    }

    @Test
    @DisplayName("U3: every proper prefix of a transaction is TRUNCATED")
    void truncated() {
        byte[] enc = sampleTransfer().encoded();
        for (int n = 0; n < enc.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(enc, n);
            rejected(() -> Transaction.decode(prefix), Reason.TRUNCATED);
        }
    }

    @Test
    @DisplayName("U3: a transaction over 100,000 bytes, or a list over its limit, is OVERSIZE")
    void oversize() {
        rejected(() -> Transaction.decode(new byte[Transaction.MAX_BYTES + 1]), Reason.OVERSIZE);
        List<OutputRef> inputs = new ArrayList<>();
        for (int i = 0; i <= Transaction.MAX_INPUTS; i++) {
            inputs.add(new OutputRef(TX, i % 1000));
        }
        Transaction t = Transfer.unsigned(
                        TestChain.CHAIN_ID,
                        1,
                        inputs,
                        List.of(new TxOutput(TestKeys.key(1).address(), AssetId.CAS, 1)),
                        1)
                .withWitnesses(List.of());
        assertThat(t.encoded().length).isLessThan(Transaction.MAX_BYTES);
        rejected(() -> Transaction.decode(t.encoded()), Reason.OVERSIZE);
        String longChain = "x".repeat(Transaction.MAX_CHAIN_ID_BYTES + 1);
        byte[] proof = TestBlocks.miningProof(longChain, 1, TX, TestKeys.key(1).address(), 1)
                .encoded();
        rejected(() -> Transaction.decode(proof), Reason.OVERSIZE);
    }

    @Test
    @DisplayName("U3: an unknown envelope format or action tag is MALFORMED")
    void unknownKind() {
        byte[] enc = sampleTransfer().encoded();
        enc[0] = 99;
        rejected(() -> Transaction.decode(enc), Reason.MALFORMED);
        Transaction t = sampleTransfer();
        byte[] tagged = t.encoded().clone();
        tagged[t.body().length - 1] = 99;
        rejected(() -> Transaction.decode(tagged), Reason.MALFORMED);
        rejected(() -> Transaction.decode(Bytes.fromHex("00")), Reason.MALFORMED);
    }
}
