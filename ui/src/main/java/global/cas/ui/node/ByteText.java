package global.cas.ui.node;

/** A byte count as a person reads it, as Bitcoin Core's peer list does: 812 B, 4.7 kB, 53.7 MB, 1.2 GB (powers of 1,000). */
final class ByteText {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    private ByteText() {}

    static String of(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        long scale = 1_000;
        int unit = 0;
        while (unit < UNITS.length - 1 && bytes >= scale * 1_000 - scale / 20) {
            scale *= 1_000;
            unit++;
        }
        long tenths = (bytes * 10 + scale / 2) / scale; // bytes < 2^63 / 10 for any real connection
        return tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
    }
}
