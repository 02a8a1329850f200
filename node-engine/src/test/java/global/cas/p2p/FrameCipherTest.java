package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameCipherTest {
    private static final byte[] KEY = new byte[32];

    static {
        KEY[0] = 7;
    }

    @Test
    @DisplayName("frames round-trip in order on every channel, empty and largest bodies included")
    void roundTrip() throws Exception {
        FrameCipher out = FrameCipher.sealer(KEY);
        FrameCipher in = FrameCipher.opener(KEY);
        for (Channel c : Channel.values()) {
            for (byte[] body : new byte[][] {new byte[0], {1, 2, 3}, new byte[c.maxMessageBytes()]}) {
                byte[] frame = out.seal(c.id(), body);
                assertThat(frame).hasSize(Frame.HEADER_LENGTH + body.length + Frame.TAG_LENGTH);
                Frame f = in.open(frame);
                assertThat(f.kind()).isEqualTo(c.id());
                assertThat(f.body()).isEqualTo(body);
            }
        }
    }

    @Test
    @DisplayName("a length over the channel's limit is refused from the header alone, before any allocation")
    void oversizeRefusedFromHeader() {
        assertThatThrownBy(() -> Frame.checkHeader(Channel.PEERS.id(), 64 * 1024 + Frame.TAG_LENGTH + 1))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.OVERSIZE_MESSAGE));
        // 0xFFFFFFFF reads as -1: refused, never taken as a huge allocation
        assertThatThrownBy(() -> Frame.checkHeader(Channel.BLOCKS.id(), -1))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.OVERSIZE_MESSAGE));
        assertThatThrownBy(() -> Frame.checkHeader(FrameKind.PING, 100))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.OVERSIZE_MESSAGE));
    }

    @Test
    @DisplayName("an unknown kind and a length shorter than the tag are malformed")
    void malformedHeaders() {
        assertThatThrownBy(() -> Frame.checkHeader(0x55, 20))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE));
        assertThatThrownBy(() -> Frame.checkHeader(Channel.CONSENSUS.id(), 3))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE));
    }

    @Test
    @DisplayName("a flipped byte anywhere (header or ciphertext) fails authentication: MALFORMED_MESSAGE, which bans")
    void flippedByte() {
        byte[] frame = FrameCipher.sealer(KEY).seal(Channel.TRANSACTIONS.id(), new byte[100]);
        for (int i : new int[] {0, 4, Frame.HEADER_LENGTH, Frame.HEADER_LENGTH + 50, frame.length - 1}) {
            byte[] bad = frame.clone();
            bad[i] ^= (byte) (i == 0 ? 0x02 : 0x01); // kind 3 -> 1: still a valid kind, so the tag decides
            assertThatThrownBy(() -> FrameCipher.opener(KEY).open(bad))
                    .isInstanceOfSatisfying(DisconnectException.class, e -> {
                        assertThat(e.reason()).isIn(DisconnectReason.MALFORMED_MESSAGE);
                        assertThat(e.reason().bans()).isTrue();
                    });
        }
    }

    @Test
    @DisplayName("a replayed or reordered frame fails: the nonce is a counter per direction")
    void replayFails() throws Exception {
        FrameCipher out = FrameCipher.sealer(KEY);
        byte[] first = out.seal(Channel.CONSENSUS.id(), new byte[] {1});
        byte[] second = out.seal(Channel.CONSENSUS.id(), new byte[] {2});
        FrameCipher in = FrameCipher.opener(KEY);
        assertThatThrownBy(() -> in.open(second)).isInstanceOf(DisconnectException.class);
        FrameCipher in2 = FrameCipher.opener(KEY);
        in2.open(first);
        assertThatThrownBy(() -> in2.open(first)).isInstanceOf(DisconnectException.class);
    }

    @Test
    @DisplayName("a frame whose length does not match its bytes is malformed")
    void lengthMismatch() {
        byte[] frame = FrameCipher.sealer(KEY).seal(Channel.CONSENSUS.id(), new byte[10]);
        ByteBuffer.wrap(frame, 1, 4).putInt(30);
        assertThatThrownBy(() -> FrameCipher.opener(KEY).open(frame))
                .isInstanceOfSatisfying(
                        DisconnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE));
    }

    @Test
    @DisplayName("a DISCONNECT frame carries its reason; an unknown code reads as UNKNOWN")
    void disconnectFrame() throws Exception {
        Session[] s = TestPeers.sessions();
        Frame f = s[1].open(s[0].disconnectFrame(DisconnectReason.RATE_LIMITED));
        assertThat(f.kind()).isEqualTo(FrameKind.DISCONNECT);
        assertThat(Session.disconnectReason(f.body())).isEqualTo(DisconnectReason.RATE_LIMITED);
        assertThat(Session.disconnectReason(new byte[] {(byte) 0xff, 1})).isEqualTo(DisconnectReason.UNKNOWN);
    }

    @Test
    @DisplayName("reason codes are unique and stable")
    void reasonCodes() {
        assertThat(java.util.Arrays.stream(DisconnectReason.values()).map(DisconnectReason::code))
                .doesNotHaveDuplicates();
        assertThat(DisconnectReason.WRONG_CHAIN.code()).isEqualTo(3);
        assertThat(DisconnectReason.INVALID_MESSAGE.code()).isEqualTo(15);
        assertThat(DisconnectReason.INVALID_MESSAGE.bans()).isTrue();
        assertThat(DisconnectReason.SHUTTING_DOWN.bans()).isFalse();
    }
}
