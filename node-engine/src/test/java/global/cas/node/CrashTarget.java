package global.cas.node;

import global.cas.crypto.Address;
import global.cas.crypto.KeyPair;
import global.cas.ledger.AssetId;
import global.cas.ledger.TxOutput;
import global.cas.rejection.RejectedException;
import global.cas.store.h2.H2ChainStore;
import global.cas.testing.TestChain;
import global.cas.wallet.TransferBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A node under load, to be killed: runs the test chain with 100 ms blocks and ten wallets paying
 * each other, and prints {@code COMMITTED <height>} after each block is committed. Started as a
 * separate process by {@link CrashRestartTest}.
 */
public final class CrashTarget {
    private CrashTarget() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        NodeConfig config = new NodeConfig(dir, TestChain.params(), Optional.of(TestChain.validator()), 100_000, 100);
        Node node = Node.start(config, H2ChainStore::open);
        node.subscribe(e -> {
            if (e instanceof NodeEvent.BlockCommitted b) {
                System.out.println("COMMITTED " + b.height());
                System.out.flush();
            }
        });
        System.out.println("STARTED " + node.tip().height());
        System.out.flush();
        TransferBuilder builder = new TransferBuilder(TestChain.CHAIN_ID, TestChain.MIN_FEE_PER_BYTE);
        Random random = new Random();
        while (true) {
            for (int i = 1; i <= 10; i++) {
                KeyPair from = TestChain.funded(i);
                Address to = TestChain.funded(1 + random.nextInt(10)).address();
                Address third = TestChain.funded(1 + random.nextInt(10)).address();
                try {
                    var tx = builder.pay(
                            node.spendableOutputs(from.address()),
                            Map.of(from.address(), from),
                            List.of(
                                    new TxOutput(to, AssetId.CAS, 1 + random.nextInt(1_000_000)),
                                    new TxOutput(third, AssetId.CAS, 1 + random.nextInt(1_000))),
                            from.address(),
                            node.tip().height() + 20);
                    node.submit(tx).join();
                } catch (RejectedException | java.util.concurrent.CompletionException e) {
                    // an output still pending from the previous round: try again after the next block
                }
            }
            Thread.sleep(20);
        }
    }
}
