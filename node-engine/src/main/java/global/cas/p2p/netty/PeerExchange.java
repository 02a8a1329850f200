package global.cas.p2p.netty;

import global.cas.p2p.AddressBook;
import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectException;
import global.cas.p2p.PeerExchangeMessage;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Peer exchange on the {@link Channel#PEERS} channel: asks each new peer once for addresses,
 * answers requests with up to {@value PeerExchangeMessage#MAX_ADDRESSES} addresses drawn from the
 * address book, and keeps only the answer it asked for (an unsolicited list is ignored, so a peer
 * cannot flood the book). When turned off (a validator behind sentries) it neither asks nor answers
 * nor learns. Thread-safe.
 */
final class PeerExchange {
    private final boolean enabled;
    private final AddressBook book;
    private final RandomGenerator random;
    private final InstantSource clock;
    private final Set<PeerConnection> asked = ConcurrentHashMap.newKeySet();

    PeerExchange(boolean enabled, AddressBook book, RandomGenerator random, InstantSource clock) {
        this.enabled = enabled;
        this.book = book;
        this.random = random;
        this.clock = clock;
    }

    void opened(PeerConnection c) {
        c.listenAddress().ifPresent(a -> book.add(a, clock.instant()));
        if (enabled) {
            asked.add(c);
            c.enqueue(Channel.PEERS, new PeerExchangeMessage.GetPeers().encode());
        }
    }

    void closed(PeerConnection c) {
        asked.remove(c);
    }

    void received(PeerConnection c, byte[] body) throws DisconnectException {
        PeerExchangeMessage m = PeerExchangeMessage.decode(body);
        if (!enabled) {
            return;
        }
        switch (m) {
            case PeerExchangeMessage.GetPeers g -> {
                InetSocketAddress requester = c.listenAddress().orElse(c.remote());
                List<InetSocketAddress> sample = book.sample(PeerExchangeMessage.MAX_ADDRESSES + 1, random).stream()
                        .filter(a -> !a.equals(requester))
                        .limit(PeerExchangeMessage.MAX_ADDRESSES)
                        .toList();
                c.enqueue(Channel.PEERS, new PeerExchangeMessage.Peers(sample).encode());
            }
            case PeerExchangeMessage.Peers p -> {
                if (asked.remove(c)) {
                    p.addresses().forEach(a -> book.add(a, clock.instant()));
                }
            }
        }
    }
}
