package global.cas.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The node address given with {@code --rpc}: {@code HOST:PORT}, the host a name, an IPv4 address
 * or a bracketed IPv6 address ({@code [::1]:8545}), or the same as a URL {@code
 * http://HOST:PORT/} (the node answers on its root path only; it serves no {@code https}).
 * Immutable.
 */
public record RpcAddress(String host, int port) {
    public RpcAddress {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Reads {@code HOST:PORT} or {@code http://HOST:PORT/}.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong, when it is not one
     */
    public static RpcAddress parse(String text) {
        String value = text.strip();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://")) {
            throw bad(text, "a node serves its RPC over plain HTTP (on 127.0.0.1), so the URL begins with http://");
        }
        if (lower.startsWith("http://")) {
            value = value.substring("http://".length());
            if (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            if (value.contains("/") || value.contains("?") || value.contains("#")) {
                throw bad(text, "a node answers on its root path, so the URL has no path after the port");
            }
        }
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
                throw bad(text, "an IPv6 address is written in brackets before the port, as [::1]:8545");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw bad(text, "it has no port");
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
            if (host.contains(":")) {
                throw bad(text, "an IPv6 address is written in brackets before the port, as [::1]:8545");
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:-]+") || !validHost(host)) {
            throw bad(text, "it has no valid host before the colon");
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw bad(text, "the port must be a number from 1 to 65535");
        }
        return new RpcAddress(host, Integer.parseInt(port));
    }

    /** Whether {@code host} is a host name or address of an {@code http://} URI. */
    private static boolean validHost(String host) {
        try {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return new URI("http://" + h + ":1/").getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("'" + text
                + "' is not a node address HOST:PORT (or http://HOST:PORT/) such as 127.0.0.1:8545: " + why + ".");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Reads {@code --rpc}, naming what is wrong with a malformed value. */
    public static final class Converter implements ITypeConverter<RpcAddress> {
        @Override
        public RpcAddress convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
