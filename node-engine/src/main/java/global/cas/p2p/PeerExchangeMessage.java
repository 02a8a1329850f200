package global.cas.p2p;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of the {@link Channel#PEERS} channel. A {@code GetPeers} is the single byte 1; a
 * {@code Peers} is the byte 2, a count (1 byte, at most {@value #MAX_ADDRESSES}) and per address a
 * family byte (4 or 6), the 4 or 16 address bytes and the port (2 bytes, not 0). Anything else,
 * trailing bytes included, is malformed.
 */
public sealed interface PeerExchangeMessage {
    int MAX_ADDRESSES = 32;
    int GET_PEERS = 1;
    int PEERS = 2;

    byte[] encode();

    /** Asks the peer for addresses it knows. */
    record GetPeers() implements PeerExchangeMessage {
        @Override
        public byte[] encode() {
            return new byte[] {GET_PEERS};
        }
    }

    /** Addresses of nodes that accept connections. */
    record Peers(List<InetSocketAddress> addresses) implements PeerExchangeMessage {
        public Peers {
            addresses = List.copyOf(addresses);
            if (addresses.size() > MAX_ADDRESSES) {
                throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " addresses in one message");
            }
            for (InetSocketAddress a : addresses) {
                if (a.isUnresolved() || a.getPort() == 0) {
                    throw new IllegalArgumentException("not a usable address: " + a);
                }
            }
        }

        @Override
        public byte[] encode() {
            ByteBuffer b = ByteBuffer.allocate(2 + addresses.size() * 19);
            b.put((byte) PEERS).put((byte) addresses.size());
            for (InetSocketAddress a : addresses) {
                byte[] ip = a.getAddress().getAddress();
                b.put((byte) (ip.length == 4 ? 4 : 6)).put(ip).putShort((short) a.getPort());
            }
            return java.util.Arrays.copyOf(b.array(), b.position());
        }
    }

    /**
     * Reads one message.
     *
     * @throws DisconnectException MALFORMED_MESSAGE for anything but the exact layout above
     */
    static PeerExchangeMessage decode(byte[] body) throws DisconnectException {
        if (body.length == 0) {
            throw malformed("empty");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        int type = b.get();
        if (type == GET_PEERS) {
            if (b.hasRemaining()) {
                throw malformed("trailing bytes");
            }
            return new GetPeers();
        }
        if (type != PEERS || !b.hasRemaining()) {
            throw malformed("unknown type " + type);
        }
        int count = b.get() & 0xff;
        if (count > MAX_ADDRESSES) {
            throw malformed(count + " addresses");
        }
        List<InetSocketAddress> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!b.hasRemaining()) {
                throw malformed("cut short");
            }
            int family = b.get();
            int length = family == 4 ? 4 : family == 6 ? 16 : -1;
            if (length < 0 || b.remaining() < length + 2) {
                throw malformed("bad address");
            }
            byte[] ip = new byte[length];
            b.get(ip);
            int port = b.getShort() & 0xffff;
            if (port == 0) {
                throw malformed("port 0");
            }
            try {
                InetAddress address = InetAddress.getByAddress(ip);
                out.add(new InetSocketAddress(address, port));
            } catch (UnknownHostException e) {
                throw malformed("bad address");
            }
        }
        if (b.hasRemaining()) {
            throw malformed("trailing bytes");
        }
        return new Peers(out);
    }

    private static DisconnectException malformed(String what) {
        return new DisconnectException(DisconnectReason.MALFORMED_MESSAGE, "peer exchange message: " + what);
    }
}
