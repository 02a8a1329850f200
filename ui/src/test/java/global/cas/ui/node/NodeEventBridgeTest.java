package global.cas.ui.node;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.node.NodeEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeEventBridgeTest {
    /** A stand-in UI thread that runs queued tasks only when told to. */
    private static final class ManualUiThread implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable r) {
            tasks.add(r);
        }

        synchronized void runAll() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }
    }

    private static NodeEvent.BlockCommitted block(long h, int txs) {
        return new NodeEvent.BlockCommitted(h, Hash.ZERO, h * 1000, txs, 0);
    }

    @Test
    @DisplayName("a burst of thousands of block commits queues one UI task and arrives as one merged update")
    void mergesBursts() {
        ManualUiThread ui = new ManualUiThread();
        NodeEventBridge bridge = new NodeEventBridge(ui);
        List<NodeEventBridge.ChainAdvanced> seen = new ArrayList<>();
        bridge.onChainAdvanced(seen::add);
        for (long h = 1; h <= 5000; h++) {
            bridge.accept(block(h, 2));
        }
        assertThat(ui.tasks).hasSize(1);
        ui.runAll();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).newest().height()).isEqualTo(5000);
        assertThat(seen.get(0).blocks()).isEqualTo(5000);
        assertThat(seen.get(0).transactions()).isEqualTo(10_000);
    }

    @Test
    @DisplayName("other events keep their order and are never merged away")
    void othersInOrder() {
        ManualUiThread ui = new ManualUiThread();
        NodeEventBridge bridge = new NodeEventBridge(ui);
        List<NodeEvent> seen = new ArrayList<>();
        bridge.onOtherEvent(seen::add);
        bridge.accept(new NodeEvent.NodeStarted(3));
        bridge.accept(block(4, 0));
        bridge.accept(new NodeEvent.NodeStopped(4));
        ui.runAll();
        assertThat(seen).containsExactly(new NodeEvent.NodeStarted(3), new NodeEvent.NodeStopped(4));
    }

    @Test
    @DisplayName("events published from many threads all reach the UI: none is lost between drains")
    void nothingLostUnderConcurrency() throws Exception {
        ManualUiThread ui = new ManualUiThread();
        NodeEventBridge bridge = new NodeEventBridge(ui);
        long[] total = new long[1];
        bridge.onChainAdvanced(c -> total[0] += c.blocks());
        int threads = 4;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            bridge.accept(block(i, 1));
                            if (i % 100 == 0) {
                                ui.runAll();
                            }
                        }
                        done.countDown();
                    })
                    .start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        ui.runAll();
        assertThat(total[0]).isEqualTo(40_000);
    }
}
