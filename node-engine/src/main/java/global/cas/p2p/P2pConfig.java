package global.cas.p2p;

import global.cas.crypto.Hash;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the peer network of one node runs. Immutable. Build with {@link #builder}: only the chain id,
 * genesis hash and data folder have no default.
 *
 * @param listenHost the address to listen on ({@code 0.0.0.0} for all)
 * @param listenPort the TCP port; 0 picks a free one (see {@link PeerNetwork#listenAddress()})
 * @param seeds dialled once at start to find the network
 * @param persistentPeers kept connected: redialled with capped exponential backoff and jitter
 * @param maxInbound connections accepted from others (default 40)
 * @param maxOutbound connections this node opens by itself (default 10; persistent peers and
 *     explicit dials are not counted against it)
 * @param peerExchange true to ask for, answer with and dial addresses on the PEERS channel; a
 *     validator behind sentries turns it off
 * @param banDuration how long a misbehaving peer's node id is refused
 * @param handshakeTimeout how long a connection may take to finish its handshake
 * @param keepAlive a PING is sent after this much silence; three times this without anything
 *     received ends the connection ({@link DisconnectReason#IDLE})
 * @param redialInitial the first wait before redialling a persistent peer
 * @param redialMax the longest wait between redials
 * @param chainId must equal the peer's
 * @param genesisHash must equal the peer's
 * @param protocolVersion must equal the peer's
 * @param dataDir holds {@code node.key} and {@code peers.json}
 */
public record P2pConfig(
        String listenHost,
        int listenPort,
        List<InetSocketAddress> seeds,
        List<InetSocketAddress> persistentPeers,
        int maxInbound,
        int maxOutbound,
        boolean peerExchange,
        Duration banDuration,
        Duration handshakeTimeout,
        Duration keepAlive,
        Duration redialInitial,
        Duration redialMax,
        String chainId,
        Hash genesisHash,
        int protocolVersion,
        Path dataDir) {
    /**
     * The wire protocol this version speaks; a peer of another is refused in the handshake
     * (INCOMPATIBLE_VERSION) before anything else is read. 2: catch-up moved to the BLOCKS channel
     * and a PING carries the sender's clock (decision 43); nodes of version 1 would ban each other's
     * catch-up as malformed. 3: evidence of double signs is passed on between nodes (a message kind
     * a node of version 2 would take for a malformed one).
     */
    public static final int PROTOCOL_VERSION = 3;

    public static final int MAX_CHAIN_ID_BYTES = 64;

    public P2pConfig {
        Objects.requireNonNull(listenHost, "listenHost");
        seeds = List.copyOf(seeds);
        persistentPeers = List.copyOf(persistentPeers);
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(dataDir, "dataDir");
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listen port out of range: " + listenPort);
        }
        if (maxInbound < 0 || maxOutbound < 0) {
            throw new IllegalArgumentException("peer limits cannot be negative");
        }
        if (chainId.isEmpty()
                || chainId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CHAIN_ID_BYTES) {
            throw new IllegalArgumentException("a chain id has 1 to 64 bytes");
        }
        for (Duration d : List.of(banDuration, handshakeTimeout, keepAlive, redialInitial, redialMax)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }

    public static Builder builder(String chainId, Hash genesisHash, Path dataDir) {
        return new Builder(chainId, genesisHash, dataDir);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(chainId, genesisHash, dataDir);
        b.listenHost = listenHost;
        b.listenPort = listenPort;
        b.seeds = seeds;
        b.persistentPeers = persistentPeers;
        b.maxInbound = maxInbound;
        b.maxOutbound = maxOutbound;
        b.peerExchange = peerExchange;
        b.banDuration = banDuration;
        b.handshakeTimeout = handshakeTimeout;
        b.keepAlive = keepAlive;
        b.redialInitial = redialInitial;
        b.redialMax = redialMax;
        b.protocolVersion = protocolVersion;
        return b;
    }

    /** Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final String chainId;
        private final Hash genesisHash;
        private final Path dataDir;
        private String listenHost = "0.0.0.0";
        private int listenPort = 26656;
        private List<InetSocketAddress> seeds = List.of();
        private List<InetSocketAddress> persistentPeers = List.of();
        private int maxInbound = 40;
        private int maxOutbound = 10;
        private boolean peerExchange = true;
        private Duration banDuration = Duration.ofHours(1);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration keepAlive = Duration.ofSeconds(20);
        private Duration redialInitial = Duration.ofSeconds(1);
        private Duration redialMax = Duration.ofMinutes(5);
        private int protocolVersion = PROTOCOL_VERSION;

        private Builder(String chainId, Hash genesisHash, Path dataDir) {
            this.chainId = chainId;
            this.genesisHash = genesisHash;
            this.dataDir = dataDir;
        }

        public Builder listen(String host, int port) {
            this.listenHost = host;
            this.listenPort = port;
            return this;
        }

        public Builder seeds(List<InetSocketAddress> seeds) {
            this.seeds = seeds;
            return this;
        }

        public Builder persistentPeers(List<InetSocketAddress> peers) {
            this.persistentPeers = peers;
            return this;
        }

        public Builder maxInbound(int n) {
            this.maxInbound = n;
            return this;
        }

        public Builder maxOutbound(int n) {
            this.maxOutbound = n;
            return this;
        }

        public Builder peerExchange(boolean on) {
            this.peerExchange = on;
            return this;
        }

        public Builder banDuration(Duration d) {
            this.banDuration = d;
            return this;
        }

        public Builder handshakeTimeout(Duration d) {
            this.handshakeTimeout = d;
            return this;
        }

        public Builder keepAlive(Duration d) {
            this.keepAlive = d;
            return this;
        }

        public Builder redial(Duration initial, Duration max) {
            this.redialInitial = initial;
            this.redialMax = max;
            return this;
        }

        public Builder protocolVersion(int v) {
            this.protocolVersion = v;
            return this;
        }

        public P2pConfig build() {
            return new P2pConfig(
                    listenHost,
                    listenPort,
                    seeds,
                    persistentPeers,
                    maxInbound,
                    maxOutbound,
                    peerExchange,
                    banDuration,
                    handshakeTimeout,
                    keepAlive,
                    redialInitial,
                    redialMax,
                    chainId,
                    genesisHash,
                    protocolVersion,
                    dataDir);
        }
    }
}
