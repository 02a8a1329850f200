package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Every decoder that reads a peer's bytes, fed random bytes: each either decodes or throws {@link
 * DisconnectException}, never anything else (DESIGN.md: every decoder has a size limit and a fuzz
 * test).
 */
class DecoderFuzzTest {
    private static final byte[] KEY = new byte[32];

    @Property(tries = 2000)
    void frameOpenerOnlyEverDisconnects(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            FrameCipher.opener(KEY).open(bytes);
        } catch (DisconnectException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Property(tries = 2000)
    void headerCheckOnlyEverDisconnects(@ForAll int kind, @ForAll int length) {
        try {
            Frame.checkHeader(kind & 0xff, length);
            assertThat((long) length).isBetween((long) Frame.TAG_LENGTH, 16L * 1024 * 1024 + Frame.TAG_LENGTH);
        } catch (DisconnectException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Property(tries = 1000)
    void helloParserOnlyEverDisconnects(@ForAll @Size(max = 80) byte[] bytes) {
        Handshake h = TestPeers.handshake(TestPeers.key(1), TestPeers.info(), true);
        h.hello();
        try {
            h.onHello(bytes);
        } catch (DisconnectException e) {
            assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED);
        }
    }

    @Property(tries = 2000)
    void authParserOnlyEverDisconnects(@ForAll @Size(max = 260) byte[] bytes) {
        try {
            Handshake.parseAuth(bytes);
        } catch (DisconnectException e) {
            assertThat(e.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED);
        }
    }

    @Property(tries = 2000)
    void peerExchangeDecoderOnlyEverDisconnects(@ForAll @Size(max = 120) byte[] bytes) {
        try {
            PeerExchangeMessage m = PeerExchangeMessage.decode(bytes);
            assertThat(m.encode()).isEqualTo(bytes);
        } catch (DisconnectException e) {
            assertThat(e.reason()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE);
        }
    }

    @Property(tries = 300)
    void sessionOpensOnlyWhatItWasSent(@ForAll @Size(max = 200) byte[] body, @ForAll int flip) throws Exception {
        Session[] s = TestPeers.sessions();
        byte[] frame = s[0].seal(Channel.TRANSACTIONS.id(), body);
        int i = Math.floorMod(flip, frame.length);
        frame[i] ^= 1;
        try {
            s[1].open(frame);
            throw new AssertionError("a flipped bit at " + i + " was accepted");
        } catch (DisconnectException e) {
            assertThat(e.reason()).isIn(DisconnectReason.MALFORMED_MESSAGE, DisconnectReason.OVERSIZE_MESSAGE);
        }
    }
}
