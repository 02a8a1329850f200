package global.cas.p2p;

import static global.cas.p2p.TestPeers.exchangeHellos;
import static global.cas.p2p.TestPeers.handshake;
import static global.cas.p2p.TestPeers.info;
import static global.cas.p2p.TestPeers.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.PublicKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static final KeyPair A = key(1);
    private static final KeyPair B = key(2);

    @Test
    @DisplayName("both sides learn the other's node id and info, and the sessions carry frames both ways")
    void success() throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake b = handshake(
                B, new HandshakeInfo(TestPeers.CHAIN, TestPeers.GENESIS, P2pConfig.PROTOCOL_VERSION, 7001), false);
        byte[][] auth = exchangeHellos(a, b);
        HandshakeResult ra = a.onAuth(auth[1]);
        HandshakeResult rb = b.onAuth(auth[0]);
        assertThat(ra.peer()).isEqualTo(new NodeId(B.publicKey()));
        assertThat(rb.peer()).isEqualTo(new NodeId(A.publicKey()));
        assertThat(ra.info().listenPort()).isEqualTo(7001);
        assertThat(rb.info()).isEqualTo(info());

        byte[] frame = ra.session().seal(Channel.CONSENSUS.id(), new byte[] {1, 2, 3});
        Frame f = rb.session().open(frame);
        assertThat(f.channel()).contains(Channel.CONSENSUS);
        assertThat(f.body()).containsExactly(1, 2, 3);
        Frame back = ra.session().open(rb.session().seal(Channel.BLOCKS.id(), new byte[] {9}));
        assertThat(back.body()).containsExactly(9);
    }

    @Test
    @DisplayName("another chain id: WRONG_CHAIN on both sides, and the DISCONNECT frame tells the peer")
    void wrongChain() throws Exception {
        assertRefusedOnBothSides(
                new HandshakeInfo("cas-testnet", TestPeers.GENESIS, P2pConfig.PROTOCOL_VERSION, 1),
                DisconnectReason.WRONG_CHAIN);
    }

    @Test
    @DisplayName("another genesis hash: WRONG_GENESIS on both sides")
    void wrongGenesis() throws Exception {
        assertRefusedOnBothSides(
                new HandshakeInfo(TestPeers.CHAIN, Hash.sha256(new byte[] {1}), P2pConfig.PROTOCOL_VERSION, 1),
                DisconnectReason.WRONG_GENESIS);
    }

    @Test
    @DisplayName("another protocol version: INCOMPATIBLE_VERSION on both sides")
    void wrongVersion() throws Exception {
        assertRefusedOnBothSides(
                new HandshakeInfo(TestPeers.CHAIN, TestPeers.GENESIS, P2pConfig.PROTOCOL_VERSION - 1, 1),
                DisconnectReason.INCOMPATIBLE_VERSION);
    }

    private static void assertRefusedOnBothSides(HandshakeInfo other, DisconnectReason reason) throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake b = handshake(B, other, false);
        byte[][] auth = exchangeHellos(a, b);
        assertThatThrownBy(() -> a.onAuth(auth[1]))
                .isInstanceOfSatisfying(
                        DisconnectException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThatThrownBy(() -> b.onAuth(auth[0]))
                .isInstanceOfSatisfying(
                        DisconnectException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        // what each side sends before closing reaches the other as the same reason, so both log it
        Frame told = b.session().orElseThrow().open(a.session().orElseThrow().disconnectFrame(reason));
        assertThat(told.kind()).isEqualTo(FrameKind.DISCONNECT);
        assertThat(Session.disconnectReason(told.body())).isEqualTo(reason);
        Frame toldBack =
                a.session().orElseThrow().open(b.session().orElseThrow().disconnectFrame(reason));
        assertThat(Session.disconnectReason(toldBack.body())).isEqualTo(reason);
    }

    @Test
    @DisplayName("a node that reaches itself refuses with SELF_CONNECTION on both ends")
    void selfConnection() throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake a2 = handshake(A, info(), false);
        byte[][] auth = exchangeHellos(a, a2);
        assertThatThrownBy(() -> a.onAuth(auth[1]))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.SELF_CONNECTION));
        assertThatThrownBy(() -> a2.onAuth(auth[0]))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.SELF_CONNECTION));
    }

    @Test
    @DisplayName("an AUTH whose signature does not verify fails the handshake (and bans)")
    void tamperedSignature() throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake b = handshake(B, info(), false);
        byte[] ha = a.hello();
        byte[] hb = b.hello();
        a.onHello(hb);
        byte[] forged = b.onHello(ha, body -> {
            body[PublicKey.LENGTH + 5] ^= 1; // a bit of the signature
            return body;
        });
        assertThatThrownBy(() -> a.onAuth(forged)).isInstanceOfSatisfying(DisconnectException.class, e -> {
            assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED);
            assertThat(e.reason().bans()).isTrue();
        });
    }

    @Test
    @DisplayName("an AUTH claiming another node's key (signed by someone else) fails the handshake")
    void claimedKey() throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake evil = handshake(key(3), info(), false);
        byte[] ha = a.hello();
        byte[] he = evil.hello();
        a.onHello(he);
        byte[] forged = evil.onHello(ha, body -> {
            System.arraycopy(B.publicKey().bytes(), 0, body, 0, PublicKey.LENGTH);
            return body;
        });
        assertThatThrownBy(() -> a.onAuth(forged))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED));
    }

    @Test
    @DisplayName("an AUTH signed for another session (a replayed AUTH) fails the handshake")
    void replayedAuth() throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake b = handshake(B, info(), false);
        byte[][] first = exchangeHellos(a, b);
        a.onAuth(first[1]);
        // a second session: the old AUTH, decrypted by a man in the middle, cannot be sealed validly,
        // and one resealed for the new session carries a signature over the old transcript
        Handshake a2 = handshake(A, info(), true);
        Handshake mitm = handshake(B, info(), false);
        byte[][] second = exchangeHellos(a2, mitm);
        assertThatThrownBy(() -> a2.onAuth(first[1]))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED));
        assertThat(second[1]).isNotEqualTo(first[1]);
    }

    @Test
    @DisplayName("a flipped byte in the AUTH ciphertext fails authentication: HANDSHAKE_FAILED")
    void tamperedCiphertext() throws Exception {
        Handshake a = handshake(A, info(), true);
        Handshake b = handshake(B, info(), false);
        byte[][] auth = exchangeHellos(a, b);
        byte[] bad = auth[1].clone();
        bad[Frame.HEADER_LENGTH + 10] ^= 0x40;
        assertThatThrownBy(() -> a.onAuth(bad))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED));
    }

    @Test
    @DisplayName("a HELLO that is not CAS's (wrong magic or length) fails the handshake")
    void badHello() {
        Handshake a = handshake(A, info(), true);
        a.hello();
        assertThatThrownBy(() -> a.onHello("GET / HTTP/1.1\r\nHost: x\r\n\r\n1234567".getBytes()))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED));
    }

    @Test
    @DisplayName("a HELLO carrying our own ephemeral key back (reflection) is refused")
    void reflectedHello() {
        Handshake a = handshake(A, info(), true);
        byte[] mine = a.hello();
        assertThatThrownBy(() -> a.onHello(mine)).isInstanceOf(DisconnectException.class);
    }

    @Test
    @DisplayName("an all-zero X25519 key (low order point) is refused")
    void degenerateKey() {
        Handshake a = handshake(A, info(), true);
        a.hello();
        byte[] hello = new byte[Handshake.HELLO_LENGTH];
        hello[0] = 'C';
        hello[1] = 'A';
        hello[2] = 'S';
        hello[3] = 1;
        assertThatThrownBy(() -> a.onHello(hello))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED));
    }
}
