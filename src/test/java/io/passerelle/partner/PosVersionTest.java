package io.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PosVersionTest {

    @Test
    void comparesNumberByNumberNotAsText() {
        assertThat(PosVersion.parse("2.0.16")).isGreaterThan(PosVersion.parse("2.0.9"));
        assertThat(PosVersion.parse("10.0")).isGreaterThan(PosVersion.parse("9.99.99"));
        assertThat(PosVersion.parse("2.0.15").isAtLeast(PosVersion.parse("2.0.16"))).isFalse();
        assertThat(PosVersion.parse("2.0.16").isAtLeast(PosVersion.parse("2.0.16"))).isTrue();
        assertThat(PosVersion.parse("2.1").isAtLeast(PosVersion.parse("2.0.16"))).isTrue();
    }

    @Test
    void missingPartsCountAsZero() {
        assertThat(PosVersion.parse("2.0")).isEqualTo(PosVersion.parse("2.0.0")).hasSameHashCodeAs(PosVersion.parse("2"));
        assertThat(PosVersion.parse("2.0").compareTo(PosVersion.parse("2.0.0"))).isZero();
        assertThat(PosVersion.parse("2.0.0.1")).isGreaterThan(PosVersion.parse("2"));
    }

    @Test
    void suffixesAreShownButIgnoredInComparisons() {
        var beta = PosVersion.parse("v5.2.0-beta.1");
        assertThat(beta).hasToString("v5.2.0-beta.1").isEqualTo(PosVersion.parse("5.2.0"));
        assertThat(PosVersion.parse(" 5.2.0+build7 ")).hasToString("5.2.0+build7");
    }

    @Test
    void refusesWhatIsNotAVersion() {
        for (String text : new String[] {"", "abc", "2..0", "1.2.3.4.5", "-1.0", "2.0.x", "1234567890.0", "9".repeat(40)}) {
            assertThat(PosVersion.tryParse(text)).as(text).isEmpty();
        }
        assertThat(PosVersion.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> PosVersion.parse("two")).isInstanceOf(IllegalArgumentException.class);
    }
}
