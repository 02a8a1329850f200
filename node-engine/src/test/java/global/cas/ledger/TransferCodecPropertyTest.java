package global.cas.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestKeys;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** U3: random transfers and proofs survive the canonical encoding unchanged. */
class TransferCodecPropertyTest {
    private static final List<KeyPair> KEYS =
            List.of(TestKeys.key(1), TestKeys.key(2), TestKeys.key(3), TestKeys.key(4));

    private static Arbitrary<Hash> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Hash.LENGTH).map(Hash::of);
    }

    private static Arbitrary<Address> addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Address.LENGTH).map(Address::of);
    }

    private static Arbitrary<String> chainIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-', '.', '_')
                        .ofMinLength(0)
                        .ofMaxLength(64),
                Arbitraries.strings()
                        .withCharRange('\u4e00', '\u9fa5')
                        .ofMinLength(1)
                        .ofMaxLength(21));
    }

    private static Arbitrary<AssetId> assets() {
        return Arbitraries.oneOf(Arbitraries.just(AssetId.CAS), hashes().map(AssetId::token));
    }

    @Provide
    Arbitrary<Transaction> transfers() {
        Arbitrary<OutputRef> refs = Combinators.combine(
                        hashes(), Arbitraries.integers().between(0, 999))
                .as(OutputRef::new);
        Arbitrary<TxOutput> outs =
                Combinators.combine(addresses(), assets(), Arbitraries.longs()).as(TxOutput::new);
        Arbitrary<List<KeyPair>> signers = Arbitraries.subsetOf(KEYS).map(List::copyOf);
        return Combinators.combine(
                        chainIds(),
                        Arbitraries.longs(),
                        refs.list().ofMaxSize(12),
                        outs.list().ofMaxSize(12),
                        Arbitraries.longs(),
                        signers)
                .as((chain, expiry, in, out, fee, keys) ->
                        Transfer.unsigned(chain, expiry, in, out, fee).sign(keys));
    }

    @Property(tries = 200)
    @Label("U3: a random transfer decodes to an equal transfer with the same bytes and id")
    void transferRoundTrip(@ForAll("transfers") Transaction t) {
        Transaction back = Transaction.decode(t.encoded());
        assertThat(back).isEqualTo(t);
        assertThat(back.encoded()).isEqualTo(t.encoded());
        assertThat(back.id()).isEqualTo(t.id()).isEqualTo(Hash.sha256(t.body()));
        Transaction tb = back;
        assertThat(tb.action()).isEqualTo(new Transfer());
        assertThat(tb.chainId()).isEqualTo(t.chainId());
        assertThat(tb.expiryHeight()).isEqualTo(t.expiryHeight());
        assertThat(tb.inputs()).isEqualTo(t.inputs());
        assertThat(tb.outputs()).isEqualTo(t.outputs());
        assertThat(tb.fee()).isEqualTo(t.fee());
        assertThat(tb.witnesses()).isEqualTo(t.witnesses());
    }

    @Property(tries = 200)
    @Label("U3: any proper prefix of a random transfer is TRUNCATED, any extra byte MALFORMED")
    void prefixesAndTrailing(
            @ForAll("transfers") Transaction t,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut,
            @ForAll byte extra) {
        byte[] enc = t.encoded();
        int n = cut % enc.length;
        try {
            Transaction.decode(Arrays.copyOf(enc, n));
            throw new AssertionError("a prefix of " + n + " bytes decoded");
        } catch (RejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        }
        byte[] longer = Arrays.copyOf(enc, enc.length + 1);
        longer[enc.length] = extra;
        try {
            Transaction.decode(longer);
            throw new AssertionError("trailing byte accepted");
        } catch (RejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        }
    }

    @Property(tries = 200)
    @Label("U3: the id does not depend on who signed")
    void idIgnoresWitnesses(@ForAll("transfers") Transaction t) {
        Transaction.Unsigned u = Transfer.unsigned(t.chainId(), t.expiryHeight(), t.inputs(), t.outputs(), t.fee());
        assertThat(u.withWitnesses(List.of()).id()).isEqualTo(t.id());
        assertThat(u.sign(KEYS).id()).isEqualTo(t.id());
    }

    @Provide
    Arbitrary<Transaction> proofs() {
        return Combinators.combine(
                        chainIds(),
                        Arbitraries.longs(),
                        hashes(),
                        addresses(),
                        Arbitraries.longs(),
                        Arbitraries.longs().greaterOrEqual(0))
                .as(MiningProof::transaction);
    }

    @Property(tries = 200)
    @Label("U3: a random mining proof decodes to an equal proof with the same bytes and id")
    void proofRoundTrip(@ForAll("proofs") Transaction p) {
        Transaction back = Transaction.decode(p.encoded());
        assertThat(back).isEqualTo(p);
        assertThat(back.encoded()).isEqualTo(p.encoded());
        MiningProof pb = (MiningProof) back.action();
        MiningProof pa = (MiningProof) p.action();
        assertThat(pb.nonce()).isEqualTo(pa.nonce());
        assertThat(pb.miner()).isEqualTo(pa.miner());
        assertThat(pb.previousBlock()).isEqualTo(pa.previousBlock());
        assertThat(back.chainId()).isEqualTo(p.chainId());
        assertThat(back.fee()).isEqualTo(p.fee());
    }
}
