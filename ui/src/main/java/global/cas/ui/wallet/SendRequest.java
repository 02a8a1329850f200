package global.cas.ui.wallet;

import global.cas.crypto.Address;

/**
 * What a person asked to send: to whom, how much (base units; ignored when {@code max}) and at
 * which fee rate (base units per byte). Immutable.
 *
 * @param max send everything spendable, less the fee
 */
public record SendRequest(Address to, long amount, boolean max, long feePerByte) {
    public SendRequest {
        if (!max && amount <= 0) {
            throw new IllegalArgumentException("the amount must be positive unless sending the maximum");
        }
        if (feePerByte < 0) {
            throw new IllegalArgumentException("the fee rate cannot be negative");
        }
    }

    public static SendRequest amount(Address to, long amount, long feePerByte) {
        return new SendRequest(to, amount, false, feePerByte);
    }

    public static SendRequest max(Address to, long feePerByte) {
        return new SendRequest(to, 0, true, feePerByte);
    }
}
