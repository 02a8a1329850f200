package global.cas.rpc;

import java.util.Optional;

/**
 * One HTTP request as the transport read it, whole: its method, its {@code Authorization} header
 * and its body (within the body limit). Immutable apart from the body array, which the receiver
 * owns.
 */
record HttpCall(String method, Optional<String> authorization, byte[] body) {}
