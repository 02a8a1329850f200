package global.cas.p2p.netty;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.p2p.Channel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
    @Test
    @DisplayName(
            "a full gossip channel drops its oldest message; a full BLOCKS queue refuses the new one and keeps what it holds")
    void overflow() {
        OutboundQueue q = new OutboundQueue();
        int size = (int) (Channel.PEERS.queueBytes() / 4);
        for (int i = 0; i < 4; i++) {
            assertThat(q.offer(Channel.PEERS, new byte[size])).isEqualTo(OutboundQueue.Offer.QUEUED);
        }
        assertThat(q.offer(Channel.PEERS, new byte[] {7})).isEqualTo(OutboundQueue.Offer.QUEUED_DROPPING_OLDEST);
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.queuedBytes(Channel.PEERS)).isEqualTo(3L * size + 1);

        int block = Channel.BLOCKS.maxMessageBytes();
        for (long used = 0; used + block <= Channel.BLOCKS.queueBytes(); used += block) {
            assertThat(q.offer(Channel.BLOCKS, new byte[block])).isEqualTo(OutboundQueue.Offer.QUEUED);
        }
        long held = q.queuedBytes(Channel.BLOCKS);
        assertThat(q.offer(Channel.BLOCKS, new byte[block])).isEqualTo(OutboundQueue.Offer.FULL);
        assertThat(q.queuedBytes(Channel.BLOCKS)).isEqualTo(held);
        assertThat(q.offer(Channel.BLOCKS, new byte[(int) Channel.BLOCKS.queueBytes() + 1]))
                .isEqualTo(OutboundQueue.Offer.REFUSED);
    }

    @Test
    @DisplayName("drained by channel priority: consensus first, each channel in its own order")
    void priority() {
        OutboundQueue q = new OutboundQueue();
        q.offer(Channel.TRANSACTIONS, new byte[] {1});
        q.offer(Channel.CONSENSUS, new byte[] {2});
        q.offer(Channel.TRANSACTIONS, new byte[] {3});
        assertThat(q.poll().orElseThrow().body()).containsExactly(2);
        assertThat(q.poll().orElseThrow().body()).containsExactly(1);
        assertThat(q.poll().orElseThrow().body()).containsExactly(3);
        assertThat(q.poll()).isEmpty();
    }
}
