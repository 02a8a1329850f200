package global.cas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Hash;
import global.cas.crypto.Sha256;
import global.cas.ledger.Amounts;
import global.cas.ledger.Transaction;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import global.cas.testing.TestBlocks;
import global.cas.testing.TestChain;
import global.cas.testing.TestKeys;
import global.cas.testing.TestNode;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** U3, C6: blocks and headers have one canonical encoding; the header hash is the block id. */
class BlockCodecTest {

    private static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Block sampleBlock() {
        TestNode node = new TestNode();
        List<Transaction> txs = List.of(
                TestChain.pay(
                        TestChain.funded(1),
                        TestChain.genesisOutput(node.state(), 1),
                        TestChain.funded(2).address(),
                        Amounts.cas(1),
                        10),
                TestBlocks.proof(node.tip(), TestKeys.key(20).address()));
        return node.build(txs).block();
    }

    @Test
    @DisplayName("U3: a BlockHeader round-trips, and its hash is SHA-256 of its encoding")
    void header() {
        BlockHeader h = sampleBlock().header();
        byte[] enc = h.encoded();
        Decoder d = new Decoder(enc);
        BlockHeader back = BlockHeader.decode(d);
        d.finish();
        assertThat(back).isEqualTo(h);
        assertThat(back.encoded()).isEqualTo(enc);
        assertThat(h.hash().bytes()).isEqualTo(Sha256.digest(enc));
        assertThat(back.hash()).isEqualTo(back.fields().seal().hash());
        // read from the middle of a longer buffer: the hash covers the header's bytes only
        byte[] framed = new byte[enc.length + 7];
        System.arraycopy(enc, 0, framed, 3, enc.length);
        Decoder inside = new Decoder(framed);
        inside.fixed(3);
        assertThat(BlockHeader.decode(inside).hash()).isEqualTo(h.hash());
        Encoder e = new Encoder();
        h.encode(e);
        assertThat(e.toBytes()).isEqualTo(enc);
    }

    @Test
    @DisplayName("U3: every header field is in the hash, the commit, validator, parameter and evidence hashes too")
    void everyFieldHashed() throws Exception {
        BlockHeader h = sampleBlock().header();
        Hash x = Hash.sha256(new byte[] {7});
        var components = BlockHeader.Fields.class.getRecordComponents();
        assertThat(components).hasSize(12);
        for (int i = 0; i < components.length; i++) {
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int j = 0; j < components.length; j++) {
                args[j] = components[j].getAccessor().invoke(h.fields());
                types[j] = components[j].getType();
            }
            args[i] = switch (args[i]) {
                case String str -> str + "x";
                case Long l -> l + 1;
                case Hash hash -> hash.equals(x) ? Hash.ZERO : x;
                case global.cas.crypto.Address a -> TestKeys.key(9).address();
                default -> throw new AssertionError("unexpected field " + components[i]);
            };
            BlockHeader v = BlockHeader.Fields.class
                    .getDeclaredConstructor(types)
                    .newInstance(args)
                    .seal();
            assertThat(v.hash()).as(components[i].getName()).isNotEqualTo(h.hash());
        }
        assertThat(h.withStateRoot(x).hash()).isNotEqualTo(h.hash());
    }

    @Test
    @DisplayName("U3: a Block round-trips: header, transactions, proposer key and signature, byte for byte")
    void block() {
        Block b = sampleBlock();
        byte[] enc = b.encoded();
        Block back = Block.decode(enc);
        assertThat(back).isEqualTo(b);
        assertThat(back.encoded()).isEqualTo(enc);
        assertThat(back.hash()).isEqualTo(b.hash());
        assertThat(back.transactions()).hasSize(2);
        assertThat(back.transactions().get(0).id())
                .isEqualTo(b.transactions().get(0).id());
    }

    @Test
    @DisplayName("U3: the genesis block round-trips too")
    void genesisBlock() {
        Block g = Genesis.build(TestChain.params()).block();
        assertThat(Block.decode(g.encoded()).encoded()).isEqualTo(g.encoded());
        assertThat(g.hash()).isEqualTo(TestBlocks.genesisTip().hash());
    }

    @Test
    @DisplayName(
            "U3: a truncated block is TRUNCATED, a block with trailing bytes MALFORMED, a block over the limit OVERSIZE")
    void badBlockBytes() {
        byte[] enc = sampleBlock().encoded();
        for (int n : new int[] {0, 1, 10, enc.length / 2, enc.length - 1}) {
            rejected(() -> Block.decode(Arrays.copyOf(enc, n)), Reason.TRUNCATED);
        }
        rejected(() -> Block.decode(Arrays.copyOf(enc, enc.length + 1)), Reason.MALFORMED);
        rejected(() -> Block.decode(new byte[Block.MAX_BYTES + 1]), Reason.OVERSIZE);
    }

    @Test
    @DisplayName("C6: the transactions root is a Merkle root over the ids, in order, with leaf/node domain separation")
    void merkle() {
        Hash a = Hash.sha256(new byte[] {1});
        Hash b = Hash.sha256(new byte[] {2});
        Hash c = Hash.sha256(new byte[] {3});
        assertThat(MerkleTree.root(List.of())).isEqualTo(Hash.sha256());
        Hash la = Hash.sha256(new byte[] {0}, a.bytes());
        Hash lb = Hash.sha256(new byte[] {0}, b.bytes());
        Hash lc = Hash.sha256(new byte[] {0}, c.bytes());
        assertThat(MerkleTree.root(List.of(a))).isEqualTo(la);
        Hash ab = Hash.sha256(new byte[] {1}, la.bytes(), lb.bytes());
        assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(ab);
        assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(Hash.sha256(new byte[] {1}, ab.bytes(), lc.bytes()));
        assertThat(MerkleTree.root(List.of(b, a))).isNotEqualTo(ab);
        assertThat(MerkleTree.root(List.of(a, b, c, c))).isNotEqualTo(MerkleTree.root(List.of(a, b, c)));
    }
}
