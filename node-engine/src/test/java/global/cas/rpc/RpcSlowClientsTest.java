package global.cas.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.Await;
import global.cas.testing.TestChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a byte at a time, or hold connections open, cost only their own connections:
 * everyone else is answered meanwhile, the slow ones are closed at the (here short) timeouts, and
 * connections past the limits are refused at once.
 */
class RpcSlowClientsTest {
    /**
     * Short, but long enough that all eight slow connections are open at once before the first is
     * closed, even with the cores busy (at 800 ms a loaded machine closed some before the count);
     * still well under the drip-fed requests' 5-9 s, so each is closed by the timeout.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Far above the timeouts: a bound on waiting, not a timing assertion. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    static Path dataDir;

    static Node node;
    static ScheduledExecutorService drip;

    @BeforeAll
    static void start() {
        NodeConfig config = new NodeConfig(dataDir, TestChain.params(), Optional.empty(), 1000, 100);
        node = Node.start(config, H2ChainStore::open);
        drip = Executors.newScheduledThreadPool(1);
    }

    @AfterAll
    static void stop() {
        drip.shutdownNow();
        node.close();
    }

    private static Socket connect(RpcServer server) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout((int) BOUND.toMillis());
        return s;
    }

    /** Sends {@code text} one byte every 100 ms until it is sent or the connection breaks. */
    private static void dripFeed(Socket s, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int[] next = {0};
        drip.scheduleAtFixedRate(
                () -> {
                    if (next[0] >= bytes.length) {
                        throw new IllegalStateException("done"); // ends this task
                    }
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write(bytes[next[0]++]);
                        out.flush();
                    } catch (IOException e) {
                        throw new IllegalStateException("closed", e); // ends this task
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
    }

    /** What the server sent before it closed the connection; fails if it stays open past the bound. */
    private static String readUntilClosed(Socket s) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a slow connection open for " + BOUND, e);
        } catch (SocketException e) {
            // reset: the server closed while the client was still writing
        }
        return got.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void slowClientsAreClosedAfterTheTimeoutAndOthersAreAnsweredMeanwhile() throws Exception {
        RpcLimits limits = RpcLimits.defaults().withTimeouts(TIMEOUT, TIMEOUT, Duration.ofSeconds(5));
        try (RpcServer server = RpcServer.start(node, dataDir, 0, limits);
                RpcClient client =
                        new RpcClient(server.port(), RpcFiles.readToken(dataDir).orElseThrow())) {
            String token = RpcFiles.readToken(dataDir).orElseThrow();
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Socket s = connect(server);
                slow.add(s);
                if (i % 2 == 0) {
                    // headers a byte at a time
                    dripFeed(s, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n");
                } else {
                    // whole headers, then the body a byte at a time
                    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"}";
                    OutputStream out = s.getOutputStream();
                    out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                                    + "\r\nContent-Length: " + body.length() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    dripFeed(s, body);
                }
            }
            Await.until(BOUND, "the slow connections are open", () -> server.openConnections() >= 8);

            JsonNode info = CompletableFuture.supplyAsync(() -> client.call("chain_info"))
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(info.get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);

            for (Socket s : slow) {
                try (s) {
                    String answer = readUntilClosed(s);
                    if (!answer.isEmpty()) {
                        assertThat(answer).startsWith("HTTP/1.1 408").contains(RpcException.REQUEST_TIMEOUT);
                    }
                }
            }
            // the normal client's keep-alive connection may still be open, or closed by the header timeout
            Await.until(BOUND, "the slow connections are forgotten", () -> server.openConnections() <= 1);
            assertThat(client.call("chain_info").get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
        }
    }

    @Test
    void connectionsPastThePerRemoteLimitAreRefusedWithBusyAndTheRestKeepWorking() throws Exception {
        RpcLimits limits = RpcLimits.defaults().withConnections(64, 3);
        try (RpcServer server = RpcServer.start(node, dataDir, 0, limits)) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(connect(server));
                }
                Await.until(BOUND, "three connections are open", () -> server.openConnections() == 3);
                try (Socket fourth = connect(server)) {
                    String answer = readUntilClosed(fourth);
                    assertThat(answer).startsWith("HTTP/1.1 503").contains(RpcException.BUSY, "at most 3");
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            Await.until(BOUND, "the held connections are forgotten", () -> server.openConnections() == 0);
            try (RpcClient client =
                    new RpcClient(server.port(), RpcFiles.readToken(dataDir).orElseThrow())) {
                assertThat(client.call("chain_info").get("chainId").asText()).isEqualTo(TestChain.CHAIN_ID);
            }
        }
    }
}
