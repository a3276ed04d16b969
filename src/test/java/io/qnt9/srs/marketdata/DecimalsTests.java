package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTests {

    private static double parse(String s) {
        return Decimals.parse(s, 0, s.length());
    }

    @Test
    void readsPlainDecimalsExactlyAsJavaDoes() {
        for (String s : new String[] {"0", "64.501427", "1455.219971", "0.05", "100", "1.", ".5", "123456789.123456"}) {
            assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void readsScientificNotation() {
        assertThat(parse("1.2e3")).isEqualTo(1200.0);
        assertThat(parse("5E-1")).isEqualTo(0.5);
    }

    @Test
    void fallsBackToFullPrecisionParsingForLongMantissas() {
        String s = "3.14159265358979323846264338";
        assertThat(parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "NaN",
                "Infinity",
                "-1",
                "+1",
                "1,5",
                "1.5d",
                "0x1p3",
                "1.2.3",
                "1e",
                "e5",
                ".",
                "12 3",
                "abc"
            })
    void rejectsWhatIsNotAPlainNumber(String s) {
        assertThat(parse(s)).isNaN();
    }

    @Test
    void rejectsNumbersTooLargeToBeFinite() {
        assertThat(parse("1e400")).isNaN();
    }

    @Test
    void parsesSubstringsInPlace() {
        assertThat(Decimals.parse("x,12.5,y", 2, 6)).isEqualTo(12.5);
    }

    @Test
    void countsAreNonNegativeWholeNumbers() {
        assertThat(Decimals.parseCount("79237200", 0, 8)).isEqualTo(79_237_200L);
        assertThat(Decimals.parseCount("0", 0, 1)).isZero();
        assertThat(Decimals.parseCount("1.5", 0, 3)).isEqualTo(-1);
        assertThat(Decimals.parseCount("33594600.0", 0, 10))
                .as("pandas' float volume")
                .isEqualTo(33_594_600L);
        assertThat(Decimals.parseCount("x7.00,", 1, 5))
                .as("only the field's own text")
                .isEqualTo(7L);
        assertThat(Decimals.parseCount("7.0.0", 0, 5)).isEqualTo(-1);
        assertThat(Decimals.parseCount("7.", 0, 2)).isEqualTo(-1);
        assertThat(Decimals.parseCount(".0", 0, 2)).isEqualTo(-1);
        assertThat(Decimals.parseCount("12.05", 0, 5)).isEqualTo(-1);
        assertThat(Decimals.parseCount("-3", 0, 2)).isEqualTo(-1);
        assertThat(Decimals.parseCount("", 0, 0)).isEqualTo(-1);
        assertThat(Decimals.parseCount("1234567890123456789", 0, 19)).isEqualTo(-1);
    }
}
