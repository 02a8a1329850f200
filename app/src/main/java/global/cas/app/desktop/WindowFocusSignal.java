package global.cas.app.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Bring the running window to the front", from a second start on the same data folder to the
 * window that holds it: the window keeps a file {@code window.focus} in the data folder and watches
 * it; a second start touches it and ends, so there is never a second window. Local to the
 * computer, no port. One watcher thread per window; {@link #close} stops it and removes the file.
 */
public final class WindowFocusSignal implements AutoCloseable {
    /** The file a running window watches, in its data folder. */
    public static final String FILE = "window.focus";

    private static final Logger LOG = LoggerFactory.getLogger(WindowFocusSignal.class);

    private final Path file;
    private final WatchService watcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WindowFocusSignal(Path file, WatchService watcher) {
        this.file = file;
        this.watcher = watcher;
    }

    /**
     * Starts watching {@code dataDir} for requests; {@code onRequest} runs on the watcher thread
     * for each (move it to the FX thread).
     */
    public static WindowFocusSignal listen(Path dataDir, Runnable onRequest) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
            WatchService watcher = dataDir.getFileSystem().newWatchService();
            dataDir.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            WindowFocusSignal signal = new WindowFocusSignal(file, watcher);
            Thread t = new Thread(() -> signal.watch(onRequest), "cas-window-focus");
            t.setDaemon(true);
            t.start();
            return signal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dataDir + " for a second start", e);
        }
    }

    private void watch(Runnable onRequest) {
        try {
            while (!closed.get()) {
                WatchKey key = watcher.take();
                boolean asked = key.pollEvents().stream()
                        .anyMatch(e -> e.context() instanceof Path p
                                && p.getFileName().toString().equals(FILE));
                key.reset();
                if (asked && !closed.get()) {
                    onRequest.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("the window no longer answers a second start", e);
        }
    }

    /**
     * Asks the window holding {@code dataDir} to come to the front.
     *
     * @return whether a window keeps the file there (so was asked); false when the folder is held
     *     by a node without a window
     */
    public static boolean request(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            Files.writeString(file, Files.readString(file));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                watcher.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("while removing {}", file, e);
            }
        }
    }
}
