package global.cas.node;

import global.cas.store.TipMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Moves a devnet's chain of an older block format aside, so a new devnet chain starts in the same
 * folder. A devnet exists only on this computer and its coins are test coins, so starting again is
 * what a person wants; nothing is deleted: the old chain database and its tip marker go to {@code
 * <datadir>/old-chains/<format>-<time>/}, where an older version can still open them. The wallet
 * (keys, labels, address book) is separate and untouched; its history notices the new genesis and
 * scans again. Never used for testnet or mainnet, whose chain is refused instead.
 */
final class OldChainArchive {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> FILES =
            // the H2 chain store's files (H2ChainStore.DATABASE_NAME "chain") and the tip marker
            List.of("chain.mv.db", "chain.trace.db", TipMarker.FILE_NAME);

    private OldChainArchive() {}

    /**
     * Moves the chain files of {@code dataDir} into a new folder under {@code old-chains} and
     * returns it.
     */
    static Path moveAside(Path dataDir, String formatName, Clock clock) {
        Path target = dataDir.resolve("old-chains")
                .resolve(formatName + "-" + STAMP.format(clock.instant().atZone(ZoneOffset.UTC)));
        try {
            Files.createDirectories(target);
            for (String name : FILES) {
                Path f = dataDir.resolve(name);
                if (Files.exists(f)) {
                    Files.move(f, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the old chain of " + dataDir + " to " + target, e);
        }
        return target;
    }
}
