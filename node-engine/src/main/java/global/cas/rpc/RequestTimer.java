package global.cas.rpc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes a connection whose request does not arrive in time, however slowly its bytes trickle in:
 * from opening, or from the previous answer, a client has the header timeout to complete a
 * request's headers, then the body timeout to complete its body. An expired connection gets HTTP
 * 408 ({@value RpcException#REQUEST_TIMEOUT}) and is closed; while a call runs there is no clock (the
 * call's answer re-arms it through {@link #answered}). One per connection; runs on its event loop
 * only (not thread-safe).
 */
final class RequestTimer extends ChannelInboundHandlerAdapter {
    private enum State {
        HEADERS,
        BODY,
        CALLING
    }

    private final long headerNanos;
    private final long bodyNanos;
    private final BooleanSupplier calling;
    private final ErrorBodies errors;
    private State state = State.HEADERS;
    private ScheduledFuture<?> timer;

    RequestTimer(Duration header, Duration body, BooleanSupplier calling, ErrorBodies errors) {
        this.headerNanos = header.toNanos();
        this.bodyNanos = body.toNanos();
        this.calling = calling;
        this.errors = errors;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx, State.HEADERS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            arm(ctx, State.BODY);
        }
        if (msg instanceof LastHttpContent && state == State.BODY) {
            cancel();
            state = State.CALLING;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    /** The connection answered and waits for its next request: the header clock starts again. */
    void answered(ChannelHandlerContext ctx) {
        arm(ctx, State.HEADERS);
    }

    private void arm(ChannelHandlerContext ctx, State next) {
        cancel();
        state = next;
        long nanos = next == State.HEADERS ? headerNanos : bodyNanos;
        timer = ctx.executor().schedule(() -> expire(ctx, next), nanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx, State expired) {
        timer = null;
        if (!ctx.channel().isActive() || state != expired || calling.getAsBoolean()) {
            return; // a call is running: its answer re-arms the clock
        }
        String part = expired == State.HEADERS ? "headers" : "body";
        Duration limit = Duration.ofNanos(expired == State.HEADERS ? headerNanos : bodyNanos);
        byte[] body = errors.body(
                RpcException.LIMIT_EXCEEDED,
                RpcException.REQUEST_TIMEOUT,
                "The request's " + part + " did not arrive within " + limit.toMillis()
                        + " ms; the connection is closed.");
        RpcHttpHandler.closeWith(ctx, 408, body);
    }
}
