package global.cas.p2p;

import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Sha256;
import global.cas.crypto.Signature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The handshake of one connection, as a pure state machine over byte arrays (no I/O).
 *
 * <ol>
 *   <li>Both sides send a HELLO in the clear: {@code "CAS" 0x01 ‖ ephemeral X25519 public key (32)}.
 *   <li>On the peer's HELLO both derive, by HKDF-SHA256 over the X25519 shared secret with the
 *       transcript hash {@code SHA-256("CAS-P2P-1" ‖ initiator key ‖ responder key)} as salt, one
 *       key per direction, and send an AUTH frame (the first frame of the session): node public key
 *       (32) ‖ Ed25519 signature (64) of {@code "CAS-P2P-AUTH-1" ‖ role ‖ transcript hash} ‖ chain id
 *       length (1) and UTF-8 bytes ‖ genesis hash (32) ‖ protocol version (4) ‖ listen port (2).
 *   <li>On the peer's AUTH the signature, the node id (not our own), the version, chain id and
 *       genesis are checked, in that order; a failure throws {@link DisconnectException} with the
 *       reason, and {@link #session()} can seal the DISCONNECT frame that tells the peer.
 * </ol>
 *
 * The signature proves the node key and binds it to this session's ephemeral keys, so an AUTH
 * cannot be replayed on another connection; the role byte stops a reflected AUTH. Not thread-safe.
 */
public final class Handshake {
    public static final int HELLO_LENGTH = 36;
    private static final byte[] MAGIC = {'C', 'A', 'S', 1};
    private static final byte[] TRANSCRIPT_LABEL = "CAS-P2P-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTH_LABEL = "CAS-P2P-AUTH-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] I2R = "CAS-P2P-1 initiator to responder".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] R2I = "CAS-P2P-1 responder to initiator".getBytes(StandardCharsets.US_ASCII);
    private static final int AUTH_FIXED = PublicKey.LENGTH + Signature.LENGTH + 1 + Hash.LENGTH + 4 + 2;

    private enum State {
        START,
        HELLO_SENT,
        AUTH_SENT,
        DONE,
        FAILED
    }

    private final KeyPair identity;
    private final HandshakeInfo local;
    private final boolean initiator;
    private final byte[] ephemeralPrivate = new byte[X25519.SCALAR_SIZE];
    private final byte[] ephemeralPublic = new byte[X25519.POINT_SIZE];
    private State state = State.START;
    private byte[] transcriptHash;
    private Session session;

    /**
     * @param identity this node's key
     * @param local what this node says about itself and expects of the peer
     * @param initiator true on the side that dialled
     */
    public Handshake(KeyPair identity, HandshakeInfo local, boolean initiator, SecureRandom random) {
        this.identity = identity;
        this.local = local;
        this.initiator = initiator;
        X25519.generatePrivateKey(random, ephemeralPrivate);
        X25519.generatePublicKey(ephemeralPrivate, 0, ephemeralPublic, 0);
    }

    /** The HELLO to send first. */
    public byte[] hello() {
        if (state != State.START) {
            throw new IllegalStateException("HELLO already sent");
        }
        state = State.HELLO_SENT;
        byte[] hello = Arrays.copyOf(MAGIC, HELLO_LENGTH);
        System.arraycopy(ephemeralPublic, 0, hello, MAGIC.length, ephemeralPublic.length);
        return hello;
    }

    /**
     * Takes the peer's HELLO and returns this node's AUTH frame to send.
     *
     * @throws DisconnectException HANDSHAKE_FAILED for a malformed HELLO or a degenerate key
     */
    public byte[] onHello(byte[] peerHello) throws DisconnectException {
        return onHello(peerHello, UnaryOperator.identity());
    }

    /** {@link #onHello(byte[])} with the AUTH body passed through {@code tamper} first: tests forge with it. */
    byte[] onHello(byte[] peerHello, UnaryOperator<byte[]> tamper) throws DisconnectException {
        expect(State.HELLO_SENT);
        state = State.FAILED;
        if (peerHello.length != HELLO_LENGTH || !Arrays.equals(peerHello, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "not a CAS peer-to-peer HELLO");
        }
        byte[] peerKey = Arrays.copyOfRange(peerHello, MAGIC.length, HELLO_LENGTH);
        if (Arrays.equals(peerKey, ephemeralPublic)) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "the peer reflected our HELLO");
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(ephemeralPrivate, 0, peerKey, 0, shared, 0)) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "a degenerate X25519 key");
        }
        Arrays.fill(ephemeralPrivate, (byte) 0);
        byte[] initiatorKey = initiator ? ephemeralPublic : peerKey;
        byte[] responderKey = initiator ? peerKey : ephemeralPublic;
        transcriptHash = Sha256.digest(TRANSCRIPT_LABEL, initiatorKey, responderKey);
        byte[] i2r = hkdf(shared, transcriptHash, I2R);
        byte[] r2i = hkdf(shared, transcriptHash, R2I);
        Arrays.fill(shared, (byte) 0);
        session = initiator
                ? new Session(FrameCipher.sealer(i2r), FrameCipher.opener(r2i))
                : new Session(FrameCipher.sealer(r2i), FrameCipher.opener(i2r));
        state = State.AUTH_SENT;
        return session.seal(FrameKind.AUTH, tamper.apply(authBody()));
    }

    /**
     * Takes the peer's first frame (its AUTH) and checks it.
     *
     * @throws DisconnectException with the reason to tell the peer; {@link DisconnectException#byPeer()}
     *     when the frame was the peer's own DISCONNECT
     */
    public HandshakeResult onAuth(byte[] frame) throws DisconnectException {
        expect(State.AUTH_SENT);
        state = State.FAILED;
        Frame f;
        try {
            f = session.open(frame);
        } catch (DisconnectException e) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, e.getMessage());
        }
        if (f.kind() == FrameKind.DISCONNECT) {
            throw DisconnectException.fromPeer(Session.disconnectReason(f.body()));
        }
        if (f.kind() != FrameKind.AUTH) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "the first frame is not an AUTH");
        }
        Auth auth = parseAuth(f.body());
        if (!auth.key().verify(signed(!initiator), auth.signature())) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "the AUTH signature is not valid");
        }
        NodeId peer = new NodeId(auth.key());
        if (auth.key().equals(identity.publicKey())) {
            throw new DisconnectException(DisconnectReason.SELF_CONNECTION, "the peer has this node's own key");
        }
        HandshakeInfo info = auth.info();
        if (info.protocolVersion() != local.protocolVersion()) {
            throw new DisconnectException(
                    DisconnectReason.INCOMPATIBLE_VERSION,
                    "peer speaks version " + info.protocolVersion() + ", this node " + local.protocolVersion());
        }
        if (!info.chainId().equals(local.chainId())) {
            throw new DisconnectException(DisconnectReason.WRONG_CHAIN, "peer is on chain " + info.chainId());
        }
        if (!info.genesisHash().equals(local.genesisHash())) {
            throw new DisconnectException(DisconnectReason.WRONG_GENESIS, "peer has genesis " + info.genesisHash());
        }
        state = State.DONE;
        return new HandshakeResult(peer, info, session);
    }

    /** The session, once the peer's HELLO was taken; used to tell the peer why it is dropped. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    private record Auth(PublicKey key, Signature signature, HandshakeInfo info) {}

    private byte[] authBody() {
        byte[] chain = local.chainId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(AUTH_FIXED + chain.length);
        b.put(identity.publicKey().bytes());
        b.put(identity.sign(signed(initiator)).bytes());
        b.put((byte) chain.length).put(chain);
        b.put(local.genesisHash().bytes());
        b.putInt(local.protocolVersion());
        b.putShort((short) local.listenPort());
        return b.array();
    }

    /** What the side in {@code asInitiator}'s role signs. */
    private byte[] signed(boolean asInitiator) {
        byte[] m = Arrays.copyOf(AUTH_LABEL, AUTH_LABEL.length + 1 + transcriptHash.length);
        m[AUTH_LABEL.length] = (byte) (asInitiator ? 0 : 1);
        System.arraycopy(transcriptHash, 0, m, AUTH_LABEL.length + 1, transcriptHash.length);
        return m;
    }

    /** Parses an AUTH body; any deviation from the exact layout is HANDSHAKE_FAILED. */
    static Auth parseAuth(byte[] body) throws DisconnectException {
        if (body.length < AUTH_FIXED + 1) {
            throw malformed("too short");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        byte[] key = new byte[PublicKey.LENGTH];
        b.get(key);
        byte[] sig = new byte[Signature.LENGTH];
        b.get(sig);
        int chainLength = b.get() & 0xff;
        if (chainLength == 0 || chainLength > P2pConfig.MAX_CHAIN_ID_BYTES || body.length != AUTH_FIXED + chainLength) {
            throw malformed("bad chain id length");
        }
        byte[] chain = new byte[chainLength];
        b.get(chain);
        String chainId;
        try {
            chainId = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(chain))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw malformed("chain id is not UTF-8");
        }
        byte[] genesis = new byte[Hash.LENGTH];
        b.get(genesis);
        int version = b.getInt();
        int port = b.getShort() & 0xffff;
        return new Auth(
                PublicKey.of(key), Signature.of(sig), new HandshakeInfo(chainId, Hash.of(genesis), version, port));
    }

    private static DisconnectException malformed(String what) {
        return new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "malformed AUTH: " + what);
    }

    private static byte[] hkdf(byte[] secret, byte[] salt, byte[] info) {
        HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
        g.init(new HKDFParameters(secret, salt, info));
        byte[] key = new byte[32];
        g.generateBytes(key, 0, key.length);
        return key;
    }

    private void expect(State expected) {
        if (state != expected) {
            throw new IllegalStateException("handshake is " + state + ", not " + expected);
        }
    }
}
