package global.cas.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.crypto.Address;
import global.cas.ledger.Amounts;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the governance tests. */
final class Fixtures {
    private Fixtures() {}

    static Address addr(int n) {
        byte[] b = new byte[Address.LENGTH];
        b[0] = (byte) (n >>> 24);
        b[1] = (byte) (n >>> 16);
        b[2] = (byte) (n >>> 8);
        b[3] = (byte) n;
        return Address.of(b);
    }

    static long cas(long n) {
        return Amounts.cas(n);
    }

    static void rejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.detail()).isNotBlank();
        });
    }
}
