package global.cas.p2p.netty;

import global.cas.p2p.Channel;
import global.cas.p2p.DisconnectException;
import global.cas.p2p.DisconnectReason;
import global.cas.p2p.Frame;
import global.cas.p2p.FrameKind;
import global.cas.p2p.Handshake;
import global.cas.p2p.HandshakeResult;
import global.cas.p2p.NodeId;
import global.cas.p2p.Session;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol: HELLO, AUTH, READY, then frames. Reads a frame's header first and
 * refuses it before reading (or buffering) its body when the kind is unknown, unexpected in the
 * current state, or the length is over the kind's limit. Keep-alive pings on writer idle; reader
 * idle ends the connection. Every failure tells the peer the reason when a session exists. All
 * state is confined to the channel's event loop.
 */
final class PeerHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);
    private static final byte[] EMPTY = new byte[0];

    /** Seconds between two round-trip measurements of an open connection. */
    static final long PING_SECONDS = 10;

    private enum State {
        HELLO,
        AUTH,
        READY_WAIT,
        OPEN,
        CLOSING
    }

    private final PeerHost host;
    private final Handshake handshake;
    private final boolean inbound;
    private final Optional<InetSocketAddress> dialed;
    private final CompletableFuture<NodeId> dial;
    private final Duration handshakeTimeout;
    private ChannelHandlerContext ctx;
    private State state = State.HELLO;
    private Session session;
    private PeerConnection connection;
    private NodeId peer;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> pinger;
    /** The {@code System.nanoTime()} sent in the last PING, echoed in its PONG; 0 before any. */
    private long lastPing;

    private DisconnectReason closeReason = DisconnectReason.CONNECTION_LOST;
    private boolean closeByPeer;
    private volatile boolean open;

    PeerHandler(
            PeerHost host,
            Handshake handshake,
            boolean inbound,
            Optional<InetSocketAddress> dialed,
            CompletableFuture<NodeId> dial,
            Duration handshakeTimeout) {
        this.host = host;
        this.handshake = handshake;
        this.inbound = inbound;
        this.dialed = dialed;
        this.dial = dial;
        this.handshakeTimeout = handshakeTimeout;
    }

    boolean isOpen() {
        return open;
    }

    void executeOnLoop(Runnable task) {
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.executor().execute(task);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        timeout = context.executor()
                .schedule(
                        () -> {
                            if (state != State.OPEN && state != State.CLOSING) {
                                fail(DisconnectReason.HANDSHAKE_TIMEOUT, false);
                            }
                        },
                        handshakeTimeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        write(handshake.hello());
        context.flush();
        super.channelActive(context);
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        try {
            while (state != State.CLOSING) {
                if (state == State.HELLO) {
                    if (in.readableBytes() < Handshake.HELLO_LENGTH) {
                        return;
                    }
                    byte[] hello = read(in, Handshake.HELLO_LENGTH);
                    byte[] auth = handshake.onHello(hello);
                    session = handshake.session().orElseThrow();
                    state = State.AUTH;
                    write(auth);
                    context.flush();
                    continue;
                }
                if (in.readableBytes() < Frame.HEADER_LENGTH) {
                    return;
                }
                int kind = in.getUnsignedByte(in.readerIndex());
                int length = in.getInt(in.readerIndex() + 1);
                expectKind(kind);
                Frame.checkHeader(kind, length);
                if (in.readableBytes() < Frame.HEADER_LENGTH + length) {
                    return;
                }
                onFrame(read(in, Frame.HEADER_LENGTH + length));
            }
        } catch (DisconnectException e) {
            LOG.debug("{}: {}", describe(), e.getMessage());
            fail(e.reason(), e.byPeer());
        }
        in.skipBytes(in.readableBytes());
    }

    /** Before the peer is accepted only handshake frames may come: an unauthenticated peer cannot make us buffer 16 MiB. */
    private void expectKind(int kind) throws DisconnectException {
        boolean ok = switch (state) {
            case AUTH -> kind == FrameKind.AUTH || kind == FrameKind.DISCONNECT;
            case READY_WAIT -> kind == FrameKind.READY || kind == FrameKind.DISCONNECT;
            default -> true;
        };
        if (!ok) {
            throw new DisconnectException(DisconnectReason.HANDSHAKE_FAILED, "frame kind " + kind + " in " + state);
        }
    }

    private byte[] read(ByteBuf in, int n) {
        byte[] b = new byte[n];
        in.readBytes(b);
        if (connection != null) {
            connection.bytesIn.addAndGet(n);
        }
        return b;
    }

    private void onFrame(byte[] frame) throws DisconnectException {
        if (state == State.AUTH) {
            HandshakeResult result = handshake.onAuth(frame);
            peer = result.peer();
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            connection = new PeerConnection(
                    this,
                    peer,
                    result.info(),
                    inbound,
                    remote,
                    dialed,
                    () -> host.clock().millis());
            Optional<DisconnectReason> refusal = host.accept(connection);
            if (refusal.isPresent()) {
                throw new DisconnectException(refusal.get(), "refused");
            }
            state = State.READY_WAIT;
            write(session.seal(FrameKind.READY, EMPTY));
            ctx.flush();
            return;
        }
        Frame f = session.open(frame);
        if (f.kind() == FrameKind.DISCONNECT) {
            throw DisconnectException.fromPeer(Session.disconnectReason(f.body()));
        }
        if (state == State.READY_WAIT) {
            state = State.OPEN;
            open = true;
            timeout.cancel(false);
            connection.markOpen(host.clock().instant());
            host.opened(connection);
            dial.complete(peer);
            connection.scheduleDrain();
            // a round trip now and every PING_SECONDS, however busy the connection: the peers table's ping
            ping();
            pinger = ctx.executor().scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
            return;
        }
        switch (f.kind()) {
            case FrameKind.PING -> {
                write(session.seal(FrameKind.PONG, f.body()));
                ctx.flush();
            }
            case FrameKind.PONG -> {
                long sent = f.body().length == 8
                        ? java.nio.ByteBuffer.wrap(f.body()).getLong()
                        : 0;
                if (sent != 0 && sent == lastPing) {
                    connection.roundTrip(System.nanoTime() - sent);
                }
            }
            case FrameKind.AUTH, FrameKind.READY ->
                throw new DisconnectException(
                        DisconnectReason.MALFORMED_MESSAGE, "handshake frame after the handshake");
            default -> {
                Channel channel = f.channel().orElseThrow();
                if (!connection.allowInbound(channel, f.body().length)) {
                    throw new DisconnectException(DisconnectReason.RATE_LIMITED, "over the " + channel + " limit");
                }
                host.received(connection, channel, f.body());
            }
        }
    }

    /** Seals and writes queued messages while the socket takes them. */
    void drain(OutboundQueue queue) {
        if (state != State.OPEN) {
            return;
        }
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            Optional<OutboundQueue.Item> item = queue.poll();
            if (item.isEmpty()) {
                break;
            }
            write(session.seal(item.get().channel().id(), item.get().body()));
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (context.channel().isWritable() && connection != null) {
            connection.scheduleDrain();
        }
        super.channelWritabilityChanged(context);
    }

    /** Sends a PING carrying this node's {@code System.nanoTime()}; the peer echoes it in a PONG. */
    private void ping() {
        if (state != State.OPEN) {
            return;
        }
        lastPing = System.nanoTime();
        write(session.seal(
                FrameKind.PING,
                java.nio.ByteBuffer.allocate(8).putLong(lastPing).array()));
        ctx.flush();
    }

    private void write(byte[] bytes) {
        if (connection != null) {
            connection.bytesOut.addAndGet(bytes.length);
        }
        ctx.write(Unpooled.wrappedBuffer(bytes));
    }

    /** Ends the connection for {@code reason}, telling the peer unless it told us. Event loop only. */
    void fail(DisconnectReason reason, boolean byPeer) {
        if (state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        open = false;
        closeReason = reason;
        closeByPeer = byPeer;
        if (!byPeer && reason.bans() && peer != null) {
            host.ban(peer, reason);
        }
        if (connection != null) {
            connection.discardQueue();
        }
        if (!byPeer
                && session != null
                && reason != DisconnectReason.CONNECTION_LOST
                && ctx.channel().isActive()) {
            byte[] frame = session.disconnectFrame(reason);
            if (connection != null) {
                connection.bytesOut.addAndGet(frame.length);
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(ChannelFutureListener.CLOSE);
            // a peer that does not read cannot keep the socket open
            ctx.executor().schedule(() -> ctx.close(), 1, TimeUnit.SECONDS);
        } else {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle && state == State.OPEN) {
            if (idle.state() == IdleState.READER_IDLE) {
                fail(DisconnectReason.IDLE, false);
            } else if (idle.state() == IdleState.WRITER_IDLE) {
                ping();
            }
            return;
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("{}: {}", describe(), cause.toString());
        fail(DisconnectReason.CONNECTION_LOST, false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (timeout != null) {
            timeout.cancel(false);
        }
        State was = state;
        state = State.CLOSING;
        open = false;
        if (was != State.CLOSING) {
            closeReason = DisconnectReason.CONNECTION_LOST;
        }
        host.closed(new PeerHost.Closed(
                Optional.ofNullable(connection),
                Optional.ofNullable(peer),
                (InetSocketAddress) context.channel().remoteAddress(),
                dialed,
                closeReason,
                closeByPeer,
                dial));
        super.channelInactive(context);
    }

    private String describe() {
        return (peer != null ? peer.shortId() : "?")
                + (inbound ? " from " : " to ")
                + (ctx != null ? ctx.channel().remoteAddress() : "?");
    }
}
