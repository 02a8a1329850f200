package global.cas.ui.node;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;
import global.cas.mining.CpuMiner;
import global.cas.node.query.MiningQueries;
import global.cas.ui.shell.FxExecutor;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * CPU mining from the desktop (S5): starts a {@link CpuMiner} for an address of the wallet, keeps
 * it on the current tip, submits its proofs to the embedded node, and counts proofs found, blocks
 * mined (proofs that made it into a block) and rewards earned. Properties change on the FX thread.
 */
public final class MiningModel {
    private final NodeModel node;
    private final FxExecutor fx = new FxExecutor();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper hashesPerSecond = new ReadOnlyLongWrapper(0);
    private final ReadOnlyIntegerWrapper proofsFound = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper blocksMined = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper rewardsEarned = new ReadOnlyLongWrapper(0);
    private final Set<Hash> submitted = ConcurrentHashMap.newKeySet();
    private volatile CpuMiner miner;
    private Thread feeder;

    public MiningModel(NodeModel node) {
        this.node = node;
        node.lastAdvanceProperty().addListener((o, a, b) -> checkMined());
    }

    /** Starts mining for {@code address} on {@code threads} threads; the node must be ready. */
    public void start(int threads, Address address) {
        if (running.get()) {
            return;
        }
        MiningQueries n = node.access().ready().getNow(null);
        if (n == null) {
            throw new IllegalStateException("the node is not ready");
        }
        CpuMiner m = new CpuMiner(threads, address);
        miner = m;
        running.set(true);
        feeder = new Thread(() -> feed(n, m), "cas-ui-miner-feed");
        feeder.setDaemon(true);
        feeder.start();
    }

    private void feed(MiningQueries n, CpuMiner m) {
        long lastHashes = 0;
        long lastTime = System.nanoTime();
        while (miner == m) {
            m.setWork(n.miningWork());
            try {
                Optional<Transaction> proof = m.nextProof(Duration.ofMillis(200));
                if (proof.isPresent()) {
                    Transaction p = proof.get();
                    n.submit(p).whenComplete((id, error) -> {
                        if (error == null) {
                            submitted.add(id);
                            fx.execute(() -> proofsFound.set(proofsFound.get() + 1));
                        }
                    });
                }
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastTime >= 1_000_000_000L) {
                long h = m.hashes();
                long rate = (h - lastHashes) * 1_000_000_000L / (now - lastTime);
                lastHashes = h;
                lastTime = now;
                fx.execute(() -> hashesPerSecond.set(rate));
            }
        }
    }

    private void checkMined() {
        if (submitted.isEmpty() || !node.readyProperty().get()) {
            return;
        }
        node.access()
                .call(n -> {
                    long blocks = 0;
                    long reward = 0;
                    for (Hash id : Set.copyOf(submitted)) {
                        var known = n.lookupTransaction(id);
                        var height = known.map(k -> k.height()).orElseGet(java.util.OptionalLong::empty);
                        if (height.isPresent()) {
                            submitted.remove(id);
                            blocks++;
                            reward += n.minerReward(height.getAsLong())
                                    .map(u -> u.output().amount())
                                    .orElse(0L);
                        } else if (known.isEmpty()) {
                            // refused or expired: it earns nothing
                            submitted.remove(id);
                        }
                    }
                    return new long[] {blocks, reward};
                })
                .thenAcceptAsync(
                        r -> {
                            blocksMined.set(blocksMined.get() + (int) r[0]);
                            rewardsEarned.set(rewardsEarned.get() + r[1]);
                        },
                        fx);
    }

    public void stop() {
        CpuMiner m = miner;
        miner = null;
        if (m != null) {
            m.close();
        }
        running.set(false);
        hashesPerSecond.set(0);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty hashesPerSecondProperty() {
        return hashesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty proofsFoundProperty() {
        return proofsFound.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty blocksMinedProperty() {
        return blocksMined.getReadOnlyProperty();
    }

    /** Base units earned by mined blocks since mining started in this window. */
    public ReadOnlyLongProperty rewardsEarnedProperty() {
        return rewardsEarned.getReadOnlyProperty();
    }
}
