package global.cas.ui.node;

/** A round trip in microseconds as milliseconds a person reads: one decimal below 10 ms, whole above. */
final class PingText {
    private PingText() {}

    static String millis(long micros) {
        if (micros < 10_000) {
            long tenths = (micros + 50) / 100;
            return tenths / 10 + "." + tenths % 10;
        }
        return Long.toString((micros + 500) / 1_000);
    }
}
