package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.app.node.StopSignal;
import global.cas.rpc.RpcClient;
import global.cas.rpc.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A devnet node started by {@code cas <args>} on a thread of the test JVM (in-process, like the
 * real program), ready once its RPC answers; {@link #close} requests the stop as Ctrl-C would and
 * checks that the command ended with exit code 0.
 */
public final class RunningNode implements AutoCloseable {
    private final Path dataDir;
    private final CasCli cli;
    private final CompletableFuture<CasCli.Result> result;

    private RunningNode(Path dataDir, String... args) throws InterruptedException {
        this.dataDir = dataDir;
        this.cli = CasCli.withInput("");
        this.result = CompletableFuture.supplyAsync(() -> cli.execute(args), r -> {
            Thread t = new Thread(r, "cas-node-under-test");
            t.setDaemon(true);
            t.start();
        });
        awaitRpc();
    }

    /** {@code cas node} on {@code dataDir}, any free RPC port, blocks every 100 ms. */
    public static RunningNode start(Path dataDir) throws InterruptedException {
        return new RunningNode(
                dataDir, "node", "--datadir", dataDir.toString(), "--rpc-port", "0", "--block-interval-ms", "100");
    }

    /**
     * Validator {@code index} of the localnet {@code net} as {@code cas localnet start} runs it
     * (its genesis and key), blocks every 100 ms, listening for peers on {@code p2pPort}.
     */
    public static RunningNode localnetValidator(global.cas.app.localnet.Localnet net, int index, int p2pPort)
            throws InterruptedException {
        Path v = net.node(index);
        return startWith(
                v,
                "node",
                "--datadir",
                v.toString(),
                "--genesis",
                net.dir().resolve(global.cas.app.localnet.Localnet.GENESIS).toString(),
                "--validator-key-file",
                v.resolve(global.cas.app.localnet.Localnet.KEY).toString(),
                "--rpc-port",
                "0",
                "--block-interval-ms",
                "100",
                "--p2p-port",
                String.valueOf(p2pPort));
    }

    /** {@code cas <args>} that is expected to run a node on {@code dataDir}. */
    public static RunningNode startWith(Path dataDir, String... args) throws InterruptedException {
        return new RunningNode(dataDir, args);
    }

    /** Waits until the node answers on RPC and has printed its start line. */
    private void awaitRpc() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (result.isDone()) {
                throw new AssertionError("the node command ended early: " + result.join());
            }
            if (Files.exists(dataDir.resolve("rpc.port"))) {
                try (RpcClient c = RpcClient.forDataDir(dataDir)) {
                    c.call("chain_info");
                    // the node prints its start line just after its RPC server answers
                    if (cli.outSoFar().contains("CAS node on")) {
                        return;
                    }
                } catch (RpcException e) {
                    // not yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the node did not answer within 30 s: " + cli.outSoFar() + cli.errSoFar());
            }
            Thread.sleep(50);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public String outSoFar() {
        return cli.outSoFar();
    }

    /** Stops the node and returns what its command printed. */
    public CasCli.Result stop() throws InterruptedException, ExecutionException, TimeoutException {
        cli.cli().injector().getInstance(StopSignal.class).request();
        CasCli.Result r = result.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Override
    public void close() {
        if (!result.isDone()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the node", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the node did not stop", e);
            }
        }
    }
}
