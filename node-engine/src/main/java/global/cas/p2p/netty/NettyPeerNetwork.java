package global.cas.p2p.netty;

import global.cas.p2p.AddressBook;
import global.cas.p2p.BanList;
import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectException;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.Handshake;
import global.cas.p2p.HandshakeInfo;
import global.cas.p2p.MessageListener;
import global.cas.p2p.NodeId;
import global.cas.p2p.NodeKey;
import global.cas.p2p.P2pConfig;
import global.cas.p2p.PeerEvent;
import global.cas.p2p.PeerInfo;
import global.cas.p2p.PeerNetwork;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeerNetwork} on Netty NIO: a listening socket, outbound dials, and the glue between the
 * per-connection {@link PeerHandler}s and the registry, dialler, peer exchange and listeners.
 * Thread-safe.
 */
final class NettyPeerNetwork implements PeerNetwork, PeerHost {
    private static final Logger LOG = LoggerFactory.getLogger(NettyPeerNetwork.class);
    /** Connections still in their handshake beyond the inbound limit, before new sockets are closed at once. */
    private static final int HANDSHAKE_SLACK = 8;

    private static final long MAINTAIN_MILLIS = 2_000;

    private final P2pConfig config;
    private final NodeKey key;
    private final InstantSource clock;
    private final SecureRandom random;
    private final BanList bans;
    private final Events events;
    private final Connections connections;
    private final AddressBook book;
    private final PeerExchange exchange;
    private final Set<InetSocketAddress> dialing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inboundSockets = new AtomicInteger();
    private EventLoopGroup group;
    private ChannelGroup channels;
    private Dialer dialer;
    private volatile io.netty.channel.Channel server;
    private volatile boolean stopped;

    NettyPeerNetwork(P2pConfig config, NodeKey key, InstantSource clock, SecureRandom random) {
        this.config = config;
        this.key = key;
        this.clock = clock;
        this.random = random;
        this.bans = BanList.load(config.dataDir(), clock);
        this.events = new Events("p2p-events-" + key.id().shortId());
        this.connections = new Connections(key.id(), bans, config.maxInbound(), events, clock);
        this.book = AddressBook.load(config.dataDir(), AddressBook.DEFAULT_CAPACITY);
        this.exchange = new PeerExchange(config.peerExchange(), book, random, clock);
    }

    @Override
    public NodeId localId() {
        return key.id();
    }

    @Override
    public synchronized CompletableFuture<InetSocketAddress> start() {
        if (group != null) {
            throw new IllegalStateException("already started");
        }
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        channels = new DefaultChannelGroup(group.next());
        dialer = new Dialer(
                this::dial, connections::isConnected, group, config.redialInitial(), config.redialMax(), random);
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (stopped || inboundSockets.incrementAndGet() > config.maxInbound() + HANDSHAKE_SLACK) {
                            inboundSockets.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> inboundSockets.decrementAndGet());
                        pipeline(ch, true, Optional.empty(), new CompletableFuture<>());
                    }
                });
        b.bind(config.listenHost(), config.listenPort()).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                bound.completeExceptionally(f.cause());
                return;
            }
            server = f.channel();
            InetSocketAddress address = (InetSocketAddress) server.localAddress();
            LOG.info("p2p node {} listening on {}", key.id().shortId(), address);
            bound.complete(address);
            config.seeds().forEach(this::dialQuietly);
            config.persistentPeers().forEach(dialer::addPersistent);
            group.scheduleWithFixedDelay(this::maintain, MAINTAIN_MILLIS, MAINTAIN_MILLIS, TimeUnit.MILLISECONDS);
        });
        return bound;
    }

    private void pipeline(
            SocketChannel ch, boolean inbound, Optional<InetSocketAddress> dialed, CompletableFuture<NodeId> dial) {
        channels.add(ch);
        long keepAlive = config.keepAlive().toMillis();
        int port = listenAddress().map(InetSocketAddress::getPort).orElse(0);
        Handshake handshake = new Handshake(key.keyPair(), HandshakeInfo.of(config, port), !inbound, random);
        ch.pipeline()
                .addLast(new IdleStateHandler(3 * keepAlive, keepAlive, 0, TimeUnit.MILLISECONDS))
                .addLast(new PeerHandler(this, handshake, inbound, dialed, dial, config.handshakeTimeout()));
    }

    @Override
    public CompletableFuture<NodeId> dial(InetSocketAddress address) {
        CompletableFuture<NodeId> result = new CompletableFuture<>();
        EventLoopGroup g = group;
        if (g == null || stopped) {
            result.completeExceptionally(new IllegalStateException("the peer network is not running"));
            return result;
        }
        dialing.add(address);
        result.whenComplete((id, failure) -> dialing.remove(address));
        new Bootstrap()
                .group(g)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        config.handshakeTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch, false, Optional.of(address), result);
                    }
                })
                .connect(address)
                .addListener((ChannelFuture f) -> {
                    if (!f.isSuccess()) {
                        result.completeExceptionally(f.cause());
                    }
                });
        return result;
    }

    private void dialQuietly(InetSocketAddress address) {
        dial(address).exceptionally(e -> {
            LOG.debug("dial {} failed: {}", address, e.toString());
            return null;
        });
    }

    /** Tops up outbound connections from the address book when peer exchange is on. */
    private void maintain() {
        if (stopped || !config.peerExchange()) {
            return;
        }
        int missing = config.maxOutbound() - connections.outboundCount() - dialing.size();
        if (missing <= 0) {
            return;
        }
        Optional<InetSocketAddress> self = listenAddress();
        Set<InetSocketAddress> busy = ConcurrentHashMap.newKeySet();
        connections.all().forEach(c -> {
            busy.add(c.remote());
            c.listenAddress().ifPresent(busy::add);
        });
        book.sample(missing * 2, random).stream()
                .filter(a -> !busy.contains(a) && !dialing.contains(a) && !self.equals(Optional.of(a)))
                .limit(missing)
                .forEach(this::dialQuietly);
    }

    @Override
    public void addPersistentPeer(InetSocketAddress address) {
        if (dialer == null) {
            throw new IllegalStateException("start the network first");
        }
        dialer.addPersistent(address);
    }

    @Override
    public void removePersistentPeer(InetSocketAddress address) {
        if (dialer != null) {
            dialer.removePersistent(address);
        }
    }

    @Override
    public Optional<InetSocketAddress> listenAddress() {
        io.netty.channel.Channel s = server;
        return s == null ? Optional.empty() : Optional.of((InetSocketAddress) s.localAddress());
    }

    @Override
    public boolean send(NodeId peer, Channel channel, byte[] body) {
        checkSize(channel, body);
        return connections.open(peer).map(c -> c.enqueue(channel, body)).orElse(false);
    }

    @Override
    public int broadcast(Channel channel, byte[] body) {
        checkSize(channel, body);
        int n = 0;
        for (PeerConnection c : connections.open()) {
            if (c.enqueue(channel, body)) {
                n++;
            }
        }
        return n;
    }

    private static void checkSize(Channel channel, byte[] body) {
        if (body.length > channel.maxMessageBytes()) {
            throw new IllegalArgumentException(
                    body.length + " bytes is more than " + channel + " allows (" + channel.maxMessageBytes() + ")");
        }
    }

    @Override
    public void onMessage(MessageListener listener) {
        events.addMessageListener(listener);
    }

    @Override
    public void onPeer(Consumer<PeerEvent> listener) {
        events.addPeerListener(listener);
    }

    @Override
    public void disconnect(NodeId peer, DisconnectReason reason) {
        if (reason.bans()) {
            ban(peer, reason);
        }
        connections.current(peer).ifPresent(c -> c.disconnect(reason));
    }

    @Override
    public boolean isBanned(NodeId peer) {
        return bans.isBanned(peer);
    }

    @Override
    public List<PeerInfo> peers() {
        return connections.open().stream().map(c -> c.info(clock.instant())).toList();
    }

    @Override
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            if (stopped || group == null) {
                stopped = true;
                return CompletableFuture.completedFuture(null);
            }
            stopped = true;
        }
        dialer.stop();
        connections.all().forEach(c -> c.disconnect(DisconnectReason.SHUTTING_DOWN));
        channels.newCloseFuture().awaitUninterruptibly(1_500);
        channels.close().awaitUninterruptibly(1_000);
        io.netty.channel.Channel s = server;
        if (s != null) {
            s.close().awaitUninterruptibly(1_000);
        }
        group.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS).awaitUninterruptibly(3_000);
        try {
            events.close();
            book.save();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("could not save the address book: {}", e.toString());
        }
        saveBans();
        return CompletableFuture.completedFuture(null);
    }

    // PeerHost: called on event loops

    @Override
    public Optional<DisconnectReason> accept(PeerConnection connection) {
        if (stopped) {
            return Optional.of(DisconnectReason.SHUTTING_DOWN);
        }
        return connections.accept(connection);
    }

    @Override
    public void opened(PeerConnection connection) {
        if (connections.opened(connection)) {
            LOG.info("peer {} connected", connection);
            exchange.opened(connection);
        }
    }

    @Override
    public void received(PeerConnection connection, Channel channel, byte[] body) throws DisconnectException {
        if (channel == Channel.PEERS) {
            exchange.received(connection, body);
        } else {
            events.message(connection.id(), channel, body);
        }
    }

    @Override
    public void closed(Closed closed) {
        closed.peer().ifPresent(id -> closed.dialed().ifPresent(a -> dialer.learned(a, id)));
        closed.dialed().ifPresent(a -> {
            switch (closed.reason()) {
                case SELF_CONNECTION, WRONG_CHAIN, WRONG_GENESIS, INCOMPATIBLE_VERSION -> book.remove(a);
                default -> {}
            }
        });
        closed.connection().ifPresent(c -> {
            exchange.closed(c);
            if (connections.closed(c, closed.reason(), closed.byPeer())) {
                LOG.info("peer {} disconnected: {}{}", c, closed.byPeer() ? "by the peer, " : "", closed.reason());
                dialer.disconnected(c.id());
            }
        });
        closed.dial()
                .completeExceptionally(
                        closed.byPeer()
                                ? DisconnectException.fromPeer(closed.reason())
                                : new DisconnectException(
                                        closed.reason(), "connection to " + closed.remote() + " ended"));
    }

    @Override
    public void ban(NodeId id, DisconnectReason reason) {
        LOG.info("banning {} for {}: {}", id.shortId(), config.banDuration(), reason);
        bans.ban(id, config.banDuration());
        events.run(this::saveBans); // at once, off the event loop: a kill -9 does not forgive the peer
    }

    private void saveBans() {
        try {
            bans.save();
        } catch (IOException e) {
            LOG.warn("could not save the bans: {}", e.toString());
        }
    }

    @Override
    public InstantSource clock() {
        return clock;
    }
}
