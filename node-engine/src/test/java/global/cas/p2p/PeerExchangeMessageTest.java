package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeerExchangeMessageTest {
    @Test
    @DisplayName("requests and lists of IPv4 and IPv6 addresses round-trip")
    void roundTrip() throws Exception {
        assertThat(PeerExchangeMessage.decode(new PeerExchangeMessage.GetPeers().encode()))
                .isEqualTo(new PeerExchangeMessage.GetPeers());
        var peers = new PeerExchangeMessage.Peers(
                List.of(new InetSocketAddress("10.1.2.3", 26656), new InetSocketAddress("2001:db8::1", 7)));
        assertThat(PeerExchangeMessage.decode(peers.encode())).isEqualTo(peers);
    }

    @Test
    @DisplayName("over the address limit, trailing bytes, port 0 or an unknown type is malformed")
    void malformed() {
        for (byte[] bad : new byte[][] {
            {},
            {1, 0},
            {3},
            {2, 33},
            {2, 1, 4, 10, 0, 0, 1, 0, 0},
            {2, 1, 5, 10, 0, 0, 1, 0, 1},
            {2, 1, 4, 10, 0, 0, 1, 0, 1, 9},
            {2, 2, 4, 10, 0, 0, 1, 0, 1}
        }) {
            assertThatThrownBy(() -> PeerExchangeMessage.decode(bad))
                    .isInstanceOfSatisfying(
                            DisconnectException.class,
                            e -> assertThat(e.reason()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE));
        }
    }
}
