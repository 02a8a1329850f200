package global.cas.rpc;

import java.util.Map;

/**
 * One HTTP answer: the status, the JSON body (empty for 204) and extra headers. Immutable apart
 * from the body array, which the transport writes once.
 */
record HttpAnswer(int status, byte[] body, Map<String, String> headers) {
    static HttpAnswer json(int status, byte[] body) {
        return new HttpAnswer(status, body, Map.of());
    }
}
