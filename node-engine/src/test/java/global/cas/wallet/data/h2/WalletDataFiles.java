package global.cas.wallet.data.h2;

import global.cas.wallet.data.DataKey;
import java.nio.file.Path;
import java.util.Arrays;

/** Test support for wallet data files: fixed data keys, and files as older versions wrote them. */
public final class WalletDataFiles {
    private WalletDataFiles() {}

    /** A data key of 32 bytes all {@code b} (tests only: a real one is random). */
    public static DataKey key(int b) {
        byte[] k = new byte[DataKey.LENGTH];
        Arrays.fill(k, (byte) b);
        return DataKey.of(k);
    }

    /** Opens (or creates) an unencrypted wallet data file, as versions before the file cipher did. */
    public static WalletDataH2Store openPlain(Path base) {
        return WalletDataH2Store.openPlain(base);
    }
}
