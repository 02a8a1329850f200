package global.cas.testing;

import global.cas.chain.ChainTip;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.BalanceKey;
import global.cas.ledger.TxOutput;
import global.cas.node.Node;
import global.cas.node.NodeConfig;
import global.cas.store.h2.H2ChainStore;
import global.cas.wallet.TransferBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real node's data folder on {@link TestChain}, built once and then copied and damaged by tests:
 * {@link #build} runs a node that makes no blocks by itself and commits each block by hand, with a
 * few transfers in each, so the chain is deterministic in shape; {@link #copy} copies the folder;
 * the static helpers cut, zero or flip bytes of a file.
 */
public final class TestDataFolder {
    /** What a folder held when its node closed: the tip, every block's hash and every balance. */
    public record Snapshot(ChainTip tip, List<Hash> blockHashes, Map<String, Long> balances) {}

    private TestDataFolder() {}

    /** A node on {@code dir} that never makes a block by itself (its interval is an hour). */
    public static Node startIdle(Path dir) {
        return Node.start(
                new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 10_000, 3_600_000),
                H2ChainStore::open);
    }

    /** {@link #startIdle(Path)} on a node that prunes all but the last {@code keep} blocks' bodies. */
    public static Node startIdle(Path dir, long keep) {
        return Node.start(
                new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 10_000, 3_600_000)
                        .withPruning(keep),
                H2ChainStore::open);
    }

    /** Builds a chain of {@code blocks} blocks after genesis in {@code dir}, three transfers a block. */
    public static Snapshot build(Path dir, int blocks) {
        try (Node node = startIdle(dir)) {
            grow(node, blocks);
            return snapshot(node);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test chain in " + dir, e);
        }
    }

    /**
     * Makes {@code blocks} more blocks on an idle node, three transfers among the funded test keys a
     * block, each block a second after the last: the same chain in every folder built from genesis.
     */
    public static void grow(Node node, int blocks) throws Exception {
        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < 3; t++) {
                KeyPair from = TestChain.funded(1 + (b * 3 + t) % 10);
                KeyPair to = TestChain.funded(1 + (b * 3 + t + 4) % 10);
                var tx = builder.pay(
                        node.spendableOutputs(from.address()),
                        Map.of(from.address(), from),
                        List.of(new TxOutput(to.address(), AssetId.CAS, 1_000 + b * 10L + t)),
                        from.address(),
                        node.tip().height() + 50);
                node.submit(tx).join();
            }
            node.chain()
                    .produce(TestChain.validator(), node.tip().time() + 1000)
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The tip, block hashes and balances of a running node. */
    public static Snapshot snapshot(Node node) {
        List<Hash> hashes = new ArrayList<>();
        for (long h = 0; h <= node.tip().height(); h++) {
            hashes.add(node.blockHash(h).orElseThrow());
        }
        return new Snapshot(node.tip(), List.copyOf(hashes), balances(node));
    }

    /** Every balance a running node holds in memory, by owner and asset. */
    public static Map<String, Long> balances(Node node) {
        Map<String, Long> balances = new TreeMap<>();
        for (Map.Entry<BalanceKey, Long> e : node.chain().state().balances().entrySet()) {
            balances.put(e.getKey().owner() + "/" + e.getKey().asset(), e.getValue());
        }
        return balances;
    }

    /** Copies every file of {@code from} (not its logs or lock) into a new folder {@code to}. */
    public static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + from, e);
        }
    }

    /** Cuts {@code file} to {@code percent} of its size. */
    public static void truncate(Path file, int percent) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() * percent / 100);
        }
    }

    /** Overwrites {@code length} bytes at {@code offset} with zeros. */
    public static void zero(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(new byte[length]);
        }
    }

    /** Inverts every bit of the byte at {@code offset}. */
    public static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(~b & 0xff);
        }
    }
}
