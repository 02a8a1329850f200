package global.cas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RpcAddressTest {
    @Test
    void readsHostAndPort() {
        assertThat(RpcAddress.parse("127.0.0.1:18645")).isEqualTo(new RpcAddress("127.0.0.1", 18645));
        assertThat(RpcAddress.parse(" localhost:1 ")).isEqualTo(new RpcAddress("localhost", 1));
        assertThat(RpcAddress.parse("[::1]:65535")).isEqualTo(new RpcAddress("::1", 65535));
        assertThat(RpcAddress.parse("[::1]:8545")).hasToString("[::1]:8545");
        assertThat(RpcAddress.parse("node-1.example.org:8545")).hasToString("node-1.example.org:8545");
    }

    @Test
    void readsTheSameAddressAsAnHttpUrl() {
        assertThat(RpcAddress.parse("http://127.0.0.1:18645/")).isEqualTo(new RpcAddress("127.0.0.1", 18645));
        assertThat(RpcAddress.parse("HTTP://localhost:1")).isEqualTo(new RpcAddress("localhost", 1));
        assertThat(RpcAddress.parse("http://[::1]:8545/")).isEqualTo(new RpcAddress("::1", 8545));
    }

    @Test
    void refusesWhatIsNoAddress() {
        for (String bad : new String[] {
            "",
            "8545",
            "localhost",
            "localhost:",
            ":8545",
            "localhost:0",
            "localhost:65536",
            "localhost:-1",
            "localhost:12a",
            "::1:8545",
            "[::1]",
            "[::1]8545",
            "[::1:8545",
            "a b:1",
            "a..b:1",
            "host/x:1",
            "h%1:2",
            "http://localhost",
            "http://localhost:1/rpc",
            "http://localhost:1/?a",
            "https://localhost:1/",
            "ftp://localhost:1"
        }) {
            assertThatThrownBy(() -> RpcAddress.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'" + bad + "' is not a node address HOST:PORT (or http://HOST:PORT/)");
        }
    }
}
