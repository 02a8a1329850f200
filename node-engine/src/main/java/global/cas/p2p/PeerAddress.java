package global.cas.p2p;

import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a peer listens, as a person types it: {@code host:port}, the host a name or an IPv4 literal,
 * or an IPv6 literal in brackets ({@code [::1]:28656}). Names are kept as typed and resolved when
 * dialled, never here. Immutable.
 */
public record PeerAddress(String host, int port) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9-]{1,63})*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_HOST = 253;

    public PeerAddress {
        if (port < 1 || port > 65535) {
            throw new RejectedException(Reason.BAD_PEER_ADDRESS, "the port " + port + " is not from 1 to 65535.");
        }
        boolean v6 = host.contains(":");
        if (host.isEmpty()
                || host.length() > MAX_HOST
                || !(v6 ? IPV6.matcher(host).matches() : NAME.matcher(host).matches())) {
            throw new RejectedException(Reason.BAD_PEER_ADDRESS, "'" + host + "' is not a host name or an IP address.");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code text} as typed (surrounding spaces ignored).
     *
     * @throws RejectedException {@link Reason#BAD_PEER_ADDRESS}, saying what is wrong
     */
    public static PeerAddress parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new RejectedException(
                    Reason.BAD_PEER_ADDRESS, "'" + t + "' is not host:port, such as 192.168.1.20:26656.");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new RejectedException(
                    Reason.BAD_PEER_ADDRESS, "an IPv6 address goes in brackets, such as [::1]:26656, not '" + t + "'.");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new RejectedException(
                    Reason.BAD_PEER_ADDRESS, "'" + t.substring(colon + 1) + "' is not a port from 1 to 65535.");
        }
        return new PeerAddress(host, port);
    }

    /** The address to dial, not resolved yet. */
    public InetSocketAddress toSocketAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** As typed back: {@code host:port}, an IPv6 host in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
