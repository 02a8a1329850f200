package global.cas.app.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallet files opened lately in this data folder, newest first, at most {@link #MAX}, kept in
 * {@code recent-wallets.txt} (one path a line). Files that no longer exist are left out when read.
 * FX thread (the file is small and written at once).
 */
final class RecentWallets {
    static final int MAX = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RecentWallets.class);

    private final Path file;
    private final ObservableList<Path> list = FXCollections.observableArrayList();

    RecentWallets(Path dataDir) {
        this.file = dataDir.resolve("recent-wallets.txt");
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && list.size() < MAX) {
                        Path p = Path.of(line.strip());
                        if (Files.isRegularFile(p) && !list.contains(p)) {
                            list.add(p);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}; the recent wallets start empty", file, e);
        }
    }

    ObservableList<Path> list() {
        return list;
    }

    /** Puts {@code wallet} first and saves the list. */
    void opened(Path wallet) {
        Path p = wallet.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(list);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        list.setAll(next);
        try {
            Files.write(file, next.stream().map(Path::toString).toList());
        } catch (IOException e) {
            LOG.warn("cannot save {}", file, e);
        }
    }
}
