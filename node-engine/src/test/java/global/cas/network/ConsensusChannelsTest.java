package global.cas.network;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.chain.Commit;
import global.cas.consensus.ConsensusMessage;
import global.cas.crypto.Hash;
import global.cas.p2p.Channel;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which channel each consensus message travels on. */
class ConsensusChannelsTest {
    @Test
    @DisplayName("C3: catch-up (committed blocks, ranges) goes on BLOCKS, apart from proposals, votes and status")
    void catchUpApartFromConsensus() {
        assertThat(PeerConsensusTransport.channelOf(
                        new ConsensusMessage.DecidedMessage(1, new byte[0], new Commit(1, 0, Hash.ZERO, List.of()))))
                .isEqualTo(Channel.BLOCKS);
        assertThat(PeerConsensusTransport.channelOf(new ConsensusMessage.RangeRequest(257)))
                .isEqualTo(Channel.BLOCKS);
        assertThat(PeerConsensusTransport.channelOf(new ConsensusMessage.StatusMessage(5)))
                .isEqualTo(Channel.CONSENSUS);
        assertThat(Channel.BLOCKS.overflow()).isEqualTo(global.cas.p2p.Overflow.REFUSE);
    }
}
