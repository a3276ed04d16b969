package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rounding to 12 significant digits for output, checked on values worked out by hand. */
class SignificantTests {

    @Test
    void floatingPointNoiseIsRemoved() {
        assertThat(10.2 - 10.5).isEqualTo(-0.3000000000000007); // the noise this is about
        assertThat(Significant.round(10.2 - 10.5)).isEqualTo(-0.3);
        assertThat(Significant.round(188.589996 - 189.309998)).isEqualTo(-0.720002);
        assertThat(Double.toString(Significant.round(0.1 + 0.2))).isEqualTo("0.3");
    }

    @Test
    void twelveSignificantDigitsAreKeptAtEveryMagnitude() {
        assertThat(Significant.round(17.647058823529417)).isEqualTo(17.6470588235);
        assertThat(Significant.round(1.1233107746466908)).isEqualTo(1.12331077465);
        assertThat(Significant.round(-0.0033232323232323232)).isEqualTo(-0.00332323232323);
        assertThat(Significant.round(12345678.123456789)).isEqualTo(12345678.1235);
        assertThat(Significant.round(9.99999999999951)).isEqualTo(10.0); // rounds up into the next decade
        assertThat(Significant.round(2.5e-9 + 1e-22)).isEqualTo(2.5e-9);
    }

    @Test
    void storedPricesAndWholeNumbersStayExactlyAsTheyAre() {
        for (double price : new double[] {188.589996, 64.501427, 2872.870117, 0.000123, 99999.999999, 42}) {
            assertThat(Significant.round(price)).isEqualTo(price);
        }
        assertThat(Significant.round(33_594_600_000.0)).isEqualTo(33_594_600_000.0);
        assertThat(Significant.round(123_456_789_012_345.0)).isEqualTo(123_456_789_012_345.0); // ≥ 10^11: as is
    }

    @Test
    void zeroTinyAndNonFiniteValuesPassThrough() {
        assertThat(Significant.round(0.0)).isEqualTo(0.0);
        assertThat(Significant.round(-0.0)).isEqualTo(-0.0);
        assertThat(Significant.round(1e-12 / 3)).isEqualTo(1e-12 / 3);
        assertThat(Significant.round(Double.NaN)).isNaN();
        assertThat(Significant.round(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Significant.round(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    }
}
