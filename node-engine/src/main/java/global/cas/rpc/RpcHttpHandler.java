package global.cas.rpc;

import global.cas.rejection.Reason;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each whole request of one connection on the call pool, never on the event loop, and writes
 * the answers in request order: while a call runs the connection reads nothing more (back
 * pressure), requests already read wait in a short queue. A full pool is answered HTTP 503 ({@value
 * RpcException#BUSY}); an oversized body 413; a malformed request or headers past the limit 400 or
 * 431, then the connection is closed. One per connection; its state is touched on its event loop
 * only.
 */
final class RpcHttpHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RpcHttpHandler.class);
    private static final int MAX_WAITING = 8;

    /** An oversized request, passed on by the aggregator so that its 413 is written in order. */
    record Oversized(boolean keepAlive) {}

    private final Executor pool;
    private final Function<HttpCall, HttpAnswer> endpoint;
    private final ErrorBodies errors;
    private final int maxBodyBytes;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private RequestTimer timer;
    private volatile boolean calling;

    RpcHttpHandler(Executor pool, Function<HttpCall, HttpAnswer> endpoint, ErrorBodies errors, int maxBodyBytes) {
        this.pool = pool;
        this.endpoint = endpoint;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Joins the connection's timer, which this handler re-arms after each answer. */
    void timer(RequestTimer t) {
        this.timer = t;
    }

    boolean calling() {
        return calling;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest) && !(msg instanceof Oversized)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!calling) {
            start(ctx, msg);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(msg);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    private void start(ChannelHandlerContext ctx, Object msg) {
        calling = true;
        ctx.channel().config().setAutoRead(false);
        if (msg instanceof Oversized o) {
            finish(ctx, HttpAnswer.json(413, oversizeBody(errors, maxBodyBytes)), o.keepAlive());
            return;
        }
        FullHttpRequest r = (FullHttpRequest) msg;
        HttpCall call;
        boolean keepAlive;
        try {
            if (r.decoderResult().isFailure()) {
                Throwable cause = r.decoderResult().cause();
                boolean tooLong = cause instanceof TooLongFrameException;
                finish(
                        ctx,
                        HttpAnswer.json(
                                tooLong ? 431 : 400,
                                errors.body(
                                        RpcException.INVALID_REQUEST,
                                        tooLong ? Reason.OVERSIZE.name() : Reason.MALFORMED.name(),
                                        tooLong
                                                ? "The request line or headers are longer than the server takes."
                                                : "The HTTP request is malformed.")),
                        false);
                return;
            }
            keepAlive = HttpUtil.isKeepAlive(r);
            call = new HttpCall(
                    r.method().name(),
                    Optional.ofNullable(r.headers().get(HttpHeaderNames.AUTHORIZATION)),
                    ByteBufUtil.getBytes(r.content()));
        } finally {
            r.release();
        }
        try {
            pool.execute(() -> {
                HttpAnswer answer;
                try {
                    answer = endpoint.apply(call);
                } catch (RuntimeException | Error e) {
                    LOG.error("RPC request failed", e);
                    answer = HttpAnswer.json(
                            500,
                            errors.body(
                                    RpcException.INTERNAL_ERROR,
                                    RpcException.INTERNAL_ERROR_REASON,
                                    "The node failed to answer; its log has the details."));
                }
                HttpAnswer a = answer;
                ctx.executor().execute(() -> finish(ctx, a, keepAlive));
            });
        } catch (RejectedExecutionException e) {
            finish(
                    ctx,
                    HttpAnswer.json(
                            503,
                            errors.body(
                                    RpcException.LIMIT_EXCEEDED,
                                    RpcException.BUSY,
                                    "The node has too many JSON-RPC calls waiting; try again shortly.")),
                    false);
        }
    }

    private void finish(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse response = response(answer);
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess() || !keepAlive) {
                f.channel().close();
                return;
            }
            Object next = waiting.poll();
            if (next != null) {
                start(ctx, next);
                return;
            }
            calling = false;
            f.channel().config().setAutoRead(true);
            if (timer != null) {
                timer.answered(ctx);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset, a write timeout, garbage below HTTP: nothing to answer
        LOG.debug("RPC connection {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    /** The JSON body of HTTP 413. */
    static byte[] oversizeBody(ErrorBodies errors, int maxBodyBytes) {
        return errors.body(
                RpcException.INVALID_REQUEST,
                Reason.OVERSIZE.name(),
                "A request may have at most " + maxBodyBytes + " bytes; page through long lists with 'limit' and"
                        + " the 'next' cursor instead of sending large batches.");
    }

    static FullHttpResponse response(HttpAnswer answer) {
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(answer.body()));
        if (answer.body().length > 0) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        if (answer.status() != 204) {
            HttpUtil.setContentLength(r, answer.body().length);
        }
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            r.headers().set(h.getKey(), h.getValue());
        }
        return r;
    }

    /** Writes a JSON refusal with {@code Connection: close} from {@code ctx}, then closes. */
    static void closeWith(ChannelHandlerContext ctx, int status, byte[] body) {
        FullHttpResponse r = response(HttpAnswer.json(status, body));
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
}
