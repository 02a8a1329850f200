package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordStrengthTest {
    private final PasswordStrength strength = new PasswordStrength();

    @Test
    @DisplayName("U4: short, common and patterned passwords are very weak and refused; 'abc' and 'f' among them")
    void weakOnesRefused() {
        for (String p : new String[] {"", "f", "abc", "password", "123456", "qwerty", "Password1"}) {
            assertThat(strength.rate(p)).as(p).isEqualTo(PasswordStrength.Level.VERY_WEAK);
            assertThat(strength.rate(p).acceptable()).as(p).isFalse();
        }
    }

    @Test
    @DisplayName("U4: random words and long mixed passwords rate strong; the rating is not a length rule")
    void strongOnesAccepted() {
        assertThat(strength.rate("lantern quietly orbit mango seventeen"))
                .isGreaterThanOrEqualTo(PasswordStrength.Level.STRONG);
        assertThat(strength.rate("q7#Lm2vX!p9z")).isGreaterThanOrEqualTo(PasswordStrength.Level.STRONG);
        // as long as the strong one above, but a repeat
        assertThat(strength.rate("aaaaaaaaaaaa")).isLessThan(PasswordStrength.Level.FAIR);
    }
}
