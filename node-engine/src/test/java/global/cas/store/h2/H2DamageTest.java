package global.cas.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.message.DbException;
import org.h2.util.StringUtils;
import org.junit.jupiter.api.Test;

/**
 * Which of H2's failures mean bytes it did not write. Each case is a real exception from H2's own
 * code (found by {@code ChainDataDamageTest}'s flipped bytes), set beside a failure of the same
 * code that is not damage.
 */
class H2DamageTest {
    @Test
    void runtimeFailureInsideH2DecodingIsDamage() {
        // a flipped digit in a stored map name, as H2 meets it when it opens the file
        Throwable nfe = catchThrowable(() -> StringUtils.parseUInt31("4337name:index.18", 0, 17));
        SQLException general = DbException.toSQLException(nfe);
        assertThat(general.getErrorCode()).isEqualTo(org.h2.api.ErrorCode.GENERAL_ERROR_1);

        assertThat(H2Damage.is(general)).isTrue();
        assertThat(H2Damage.is(new RuntimeException("cannot open", general))).isTrue();
    }

    @Test
    void runtimeFailureOfOurOwnCodeIsNotDamage() {
        SQLException general = DbException.toSQLException(new IllegalStateException("a bug of ours"));

        assertThat(general.getErrorCode()).isEqualTo(org.h2.api.ErrorCode.GENERAL_ERROR_1);
        assertThat(H2Damage.is(general)).isFalse();
    }

    @Test
    void storedValueOfAnotherTypeIsDamageButSyntaxIsNot() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:damage", "sa", "")) {
            Throwable conversion = catchThrowable(() -> c.createStatement()
                    .executeQuery("SELECT CAST('x1' AS BIGINT)")
                    .next());
            Throwable syntax = catchThrowable(() -> c.createStatement().executeQuery("SELEC 1"));

            assertThat(H2Damage.is(conversion)).isTrue();
            assertThat(H2Damage.is(syntax)).isFalse();
        }
    }
}
