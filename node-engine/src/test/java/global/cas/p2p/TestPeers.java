package global.cas.p2p;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.security.SecureRandom;
import java.util.Random;

/** Shared fixtures of the p2p tests: deterministic keys and a matching pair of handshakes. */
public final class TestPeers {
    public static final String CHAIN = "cas-devnet";
    public static final Hash GENESIS = Hash.sha256("genesis".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private TestPeers() {}

    public static KeyPair key(int n) {
        byte[] seed = new byte[32];
        new Random(n).nextBytes(seed);
        return KeyPair.fromSeed(seed);
    }

    public static HandshakeInfo info() {
        return new HandshakeInfo(CHAIN, GENESIS, P2pConfig.PROTOCOL_VERSION, 26656);
    }

    public static Handshake handshake(KeyPair key, HandshakeInfo info, boolean initiator) {
        return new Handshake(key, info, initiator, new SecureRandom());
    }

    /** Both handshakes after HELLOs were exchanged: {@code [0]} the initiator's AUTH, {@code [1]} the responder's. */
    public static byte[][] exchangeHellos(Handshake initiator, Handshake responder) throws DisconnectException {
        byte[] hi = initiator.hello();
        byte[] hr = responder.hello();
        return new byte[][] {initiator.onHello(hr), responder.onHello(hi)};
    }

    /** A connected pair of sessions (initiator, responder). */
    public static Session[] sessions() throws DisconnectException {
        Handshake a = handshake(key(1), info(), true);
        Handshake b = handshake(key(2), info(), false);
        byte[][] auth = exchangeHellos(a, b);
        HandshakeResult ra = a.onAuth(auth[1]);
        HandshakeResult rb = b.onAuth(auth[0]);
        return new Session[] {ra.session(), rb.session()};
    }
}
