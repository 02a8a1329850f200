package global.cas.app.node;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import global.cas.app.chain.StatusCommand;
import global.cas.app.cli.CliException;
import global.cas.app.cli.Terminal;
import global.cas.h2.StoreException;
import global.cas.node.DataDirLock;
import global.cas.node.Node;
import global.cas.rejection.RejectedException;
import global.cas.rpc.RpcServer;
import global.cas.store.ChainDataException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Runs one node in the foreground: points the log file at the data folder (before the first
 * logger exists), starts the node and its RPC server through {@link NodeModule}, prints one line,
 * then waits for {@link StopSignal}. Ctrl-C and SIGTERM request the stop through a shutdown hook,
 * which then waits until the RPC server and the node are closed, so the last block is either
 * wholly committed or not at all. Used by one command at a time.
 */
public final class NodeRunner {
    /** System property read by {@code logback.xml} for {@code <datadir>/logs/cas.log}. */
    public static final String LOG_DIR_PROPERTY = "cas.datadir";

    private static final long SHUTDOWN_WAIT_SECONDS = 120;

    private final Injector injector;
    private final Terminal terminal;
    private final StopSignal stop;

    @Inject
    NodeRunner(Injector injector, Terminal terminal, StopSignal stop) {
        this.injector = injector;
        this.terminal = terminal;
        this.stop = stop;
    }

    /** Runs until stopped; returns the exit code (0). Start failures are thrown. */
    public int run(NodeSettings settings) {
        System.setProperty(LOG_DIR_PROPERTY, settings.dataDir().toString());
        Injector nodeInjector = injector.createChildInjector(new NodeModule(settings));
        Node node;
        try {
            node = nodeInjector.getInstance(Node.class);
        } catch (ProvisionException e) {
            throw startFailure(e, settings);
        }
        RpcServer rpc;
        try {
            rpc = nodeInjector.getInstance(RpcServer.class);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.request();
                    try {
                        closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "cas-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        terminal.out()
                .printf(
                        "CAS node on %s (%s) at height %d, data folder %s, RPC on 127.0.0.1:%d%s. Ctrl-C stops it.%n",
                        settings.network().id(),
                        node.params().chainId(),
                        node.tip().height(),
                        settings.dataDir(),
                        rpc.port(),
                        node.isValidator() ? ", producing blocks" : "");
        if (settings.rpcPort() != 0 && rpc.port() != settings.rpcPort()) {
            terminal.out()
                    .printf(
                            "The RPC port %d was taken by another program, so this node took the free port %d;"
                                    + " commands given this data folder find it through %s.%n",
                            settings.rpcPort(),
                            rpc.port(),
                            settings.dataDir().resolve(global.cas.rpc.RpcFiles.PORT_FILE));
        }
        if (node.localOnly()) {
            terminal.out().println(StatusCommand.LOCAL_ONLY);
        }
        node.archivedChain()
                .ifPresent(p -> terminal.out()
                        .printf(
                                "This folder's devnet chain was written by an older version in a block format this"
                                        + " version no longer reads, so a new devnet chain started; the old one is kept"
                                        + " in %s. The wallet is unchanged.%n",
                                p));
        terminal.out().flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rpc.close();
            long height = node.tip().height();
            node.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and returns now that we closed
            }
            terminal.out().printf("CAS node stopped at height %d.%n", height);
            terminal.out().flush();
        }
        return 0;
    }

    /**
     * What to report when the node cannot start: user errors as they are; a database or data folder
     * the node refuses (another chain, an untrusted file; damaged or lost chain data with their own
     * reason code) as one line, with the details in the log file; anything else as the bug it is.
     */
    private static RuntimeException startFailure(ProvisionException e, NodeSettings settings) {
        Throwable cause = e.getCause();
        if (cause instanceof DataDirLock.AlreadyOpenException
                || cause instanceof CliException
                || cause instanceof RejectedException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof ChainDataException damaged) {
            LoggerFactory.getLogger(NodeRunner.class)
                    .error("the node refused its chain data: {}", damaged.detail(), damaged);
            return new CliException(
                    damaged.reason().name(),
                    damaged.getMessage() + " (data folder " + settings.dataDir() + "; details in "
                            + settings.dataDir().resolve("logs").resolve("cas.log") + ")");
        }
        if (cause instanceof StoreException
                || cause instanceof IllegalStateException
                || cause instanceof UncheckedIOException) {
            LoggerFactory.getLogger(NodeRunner.class).error("the node could not start", cause);
            return new CliException(
                    "NODE_START_FAILED",
                    cause.getMessage() + " (details in "
                            + settings.dataDir().resolve("logs").resolve("cas.log") + ")");
        }
        return e;
    }
}
