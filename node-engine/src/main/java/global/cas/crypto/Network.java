package global.cas.crypto;

import java.util.Locale;
import java.util.Optional;

/** The three CAS networks and the Bech32m prefix of their addresses (U2). */
public enum Network {
    MAINNET("cas"),
    TESTNET("tcas"),
    DEVNET("dcas");

    private final String prefix;

    Network(String prefix) {
        this.prefix = prefix;
    }

    public String addressPrefix() {
        return prefix;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Network> byPrefix(String hrp) {
        for (Network n : values()) {
            if (n.prefix.equals(hrp)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public static Network parse(String name) {
        for (Network n : values()) {
            if (n.id().equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "': use mainnet, testnet or devnet");
    }
}
