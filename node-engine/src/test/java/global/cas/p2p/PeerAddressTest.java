package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A peer's address as a person types it, in Settings or after {@code --peer}. */
class PeerAddressTest {
    @ParameterizedTest
    @CsvSource({
        "192.168.1.20:26656, 192.168.1.20, 26656, 192.168.1.20:26656",
        "' node-1.example.org:28656 ', node-1.example.org, 28656, node-1.example.org:28656",
        "Seed.Example.ORG:1, seed.example.org, 1, seed.example.org:1",
        "[::1]:26656, ::1, 26656, [::1]:26656",
        "localhost:65535, localhost, 65535, localhost:65535"
    })
    void reads(String typed, String host, int port, String shown) {
        PeerAddress a = PeerAddress.parse(typed);
        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port()).isEqualTo(port);
        assertThat(a).hasToString(shown);
        assertThat(PeerAddress.parse(a.toString())).isEqualTo(a);
        assertThat(a.toSocketAddress().isUnresolved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "26656",
                "host",
                "host:",
                ":26656",
                "host:0",
                "host:65536",
                "host:port",
                "::1:26656",
                "bad host:26656",
                "host_name:26656",
                "-host:26656",
                "a/b:26656",
                "[zz::1]:26656"
            })
    void refusesWithAReason(String typed) {
        assertThatThrownBy(() -> PeerAddress.parse(typed)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_PEER_ADDRESS);
            assertThat(e.detail()).isNotBlank();
        });
    }
}
