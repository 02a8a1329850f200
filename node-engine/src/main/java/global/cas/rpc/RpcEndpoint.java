package global.cas.rpc;

import global.cas.rejection.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP rules of the RPC above the transport: the bearer token is checked (in constant time)
 * before anything else is looked at, only {@code POST} is served, and the body goes to the {@link
 * RpcDispatcher}; only notifications is HTTP 204. Thread-safe (holds immutable state and the
 * thread-safe dispatcher).
 */
final class RpcEndpoint {
    private final RpcDispatcher dispatcher;
    private final byte[] expectedAuthorization;

    RpcEndpoint(RpcDispatcher dispatcher, String token) {
        this.dispatcher = dispatcher;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
    }

    HttpAnswer answer(HttpCall call) {
        if (!authorized(call.authorization())) {
            return new HttpAnswer(
                    401,
                    dispatcher.errorBytes(
                            RpcException.UNAUTHORIZED,
                            Reason.UNAUTHORIZED.name(),
                            "The request needs the header 'Authorization: Bearer <token>' with the token from the data folder's rpc.token file."),
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        if (!"POST".equalsIgnoreCase(call.method())) {
            return new HttpAnswer(
                    405,
                    dispatcher.errorBytes(
                            RpcException.INVALID_REQUEST,
                            Reason.MALFORMED.name(),
                            "JSON-RPC requests are sent with HTTP POST."),
                    Map.of("Allow", "POST"));
        }
        Optional<byte[]> response = dispatcher.respond(call.body());
        return response.map(b -> HttpAnswer.json(200, b)).orElseGet(() -> HttpAnswer.json(204, new byte[0]));
    }

    private boolean authorized(Optional<String> header) {
        return header.isPresent()
                && MessageDigest.isEqual(header.get().strip().getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }
}
