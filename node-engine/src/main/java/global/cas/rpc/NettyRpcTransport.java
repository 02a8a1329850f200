package global.cas.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.WriteTimeoutHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP/1.1 transport of the JSON-RPC server on Netty, hidden behind {@link RpcServer}: one
 * event-loop thread reads and writes every connection without blocking, and calls run on a bounded
 * pool. Per connection: {@link HttpServerCodec} with the header limits, the {@link RequestTimer}
 * (header and body timeouts), an {@link HttpObjectAggregator} with the body limit, a write timeout
 * and the {@link RpcHttpHandler}. Connections past the limits in all or per remote address are
 * answered 503 and closed at once. Thread-safe; {@link #close} is idempotent.
 */
final class NettyRpcTransport implements AutoCloseable {
    private final EventLoopGroup group;
    private final ThreadPoolExecutor pool;
    private final ChannelGroup channels;
    private final Channel server;
    private final ConnectionCounter counter;

    private NettyRpcTransport(
            EventLoopGroup group, ThreadPoolExecutor pool, ChannelGroup channels, Channel server, ConnectionCounter c) {
        this.group = group;
        this.pool = pool;
        this.channels = channels;
        this.server = server;
        this.counter = c;
    }

    /**
     * Listens on {@code host:port} (0: a free port) and answers each request with {@code endpoint},
     * run on the call pool.
     *
     * @throws BindException when the port is taken
     */
    static NettyRpcTransport bind(
            InetAddress host, int port, RpcLimits limits, Function<HttpCall, HttpAnswer> endpoint, ErrorBodies errors)
            throws IOException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, threads("cas-rpc-io-"), NioIoHandler.newFactory());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                limits.threads(),
                limits.threads(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queuedRequests()),
                threads("cas-rpc-"),
                new ThreadPoolExecutor.AbortPolicy());
        ChannelGroup channels = new DefaultChannelGroup("cas-rpc", GlobalEventExecutor.INSTANCE);
        byte[] oversize = RpcHttpHandler.oversizeBody(errors, limits.maxBodyBytes());
        ConnectionCounter counter = new ConnectionCounter(limits.maxConnections(), limits.maxConnectionsPerRemote());
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        InetAddress remote = ch.remoteAddress().getAddress();
                        Optional<String> refused = counter.open(remote);
                        if (refused.isPresent()) {
                            ch.pipeline()
                                    .addLast(new Refuse(errors.body(
                                            RpcException.LIMIT_EXCEEDED, RpcException.BUSY, refused.get())));
                            return;
                        }
                        ch.closeFuture().addListener(f -> counter.close(remote));
                        RpcHttpHandler handler = new RpcHttpHandler(pool, endpoint, errors, limits.maxBodyBytes());
                        RequestTimer timer = new RequestTimer(
                                limits.headerTimeout(), limits.bodyTimeout(), handler::calling, errors);
                        handler.timer(timer);
                        ch.pipeline()
                                .addLast(new WriteTimeoutHandler(
                                        limits.writeTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                .addLast(new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(limits.maxHeaderBytes())
                                        .setMaxHeaderSize(limits.maxHeaderBytes())))
                                .addLast(timer)
                                .addLast(new OrderedAggregator(limits.maxBodyBytes(), oversize))
                                .addLast(handler);
                    }
                });
        ChannelFuture bound = b.bind(new InetSocketAddress(host, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            pool.shutdownNow();
            Throwable cause = bound.cause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot listen on " + host.getHostAddress() + ":" + port, cause);
        }
        return new NettyRpcTransport(group, pool, channels, bound.channel(), counter);
    }

    /** The port the server listens on. */
    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The connections open now (for tests and logs). */
    int openConnections() {
        return counter.open();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        pool.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Passes an oversized request on as {@link RpcHttpHandler.Oversized}, so it is answered in order;
     * one that announced its size with {@code Expect: 100-continue} is told 413 with the JSON error
     * at once, before it sends the body.
     */
    private static final class OrderedAggregator extends HttpObjectAggregator {
        private final byte[] oversize;

        OrderedAggregator(int maxContentLength, byte[] oversize) {
            super(maxContentLength);
            this.oversize = oversize;
        }

        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
            if (answer instanceof FullHttpResponse r && r.status().code() == 413) {
                r.release();
                return RpcHttpHandler.response(HttpAnswer.json(413, oversize));
            }
            return answer;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            // the aggregator drops the rest of this body; a client that keeps the connection can go on
            ctx.fireChannelRead(new RpcHttpHandler.Oversized(HttpUtil.isKeepAlive(oversized)));
        }
    }

    /** Answers a connection past the limits with a ready-made 503 and closes it. */
    private static final class Refuse extends ChannelInboundHandlerAdapter {
        private final byte[] body;

        Refuse(byte[] body) {
            this.body = body;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }
}
