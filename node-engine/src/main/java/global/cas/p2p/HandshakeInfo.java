package global.cas.p2p;

import global.cas.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a node says about itself in its AUTH message, besides its key. Immutable.
 *
 * @param chainId the chain it follows (1–64 bytes of UTF-8)
 * @param genesisHash the hash of its genesis block
 * @param protocolVersion the version of this protocol it speaks
 * @param listenPort where it accepts connections, 0 when it does not
 */
public record HandshakeInfo(String chainId, Hash genesisHash, int protocolVersion, int listenPort) {
    public HandshakeInfo {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(genesisHash, "genesisHash");
        int n = chainId.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > P2pConfig.MAX_CHAIN_ID_BYTES) {
            throw new IllegalArgumentException("a chain id has 1 to 64 bytes");
        }
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + listenPort);
        }
    }

    public static HandshakeInfo of(P2pConfig config, int listenPort) {
        return new HandshakeInfo(config.chainId(), config.genesisHash(), config.protocolVersion(), listenPort);
    }
}
