package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BarColumnsTests {

    private static final double[] TWO = {1, 2};

    @Test
    void acceptsEqualLengthFiniteColumns() {
        BarColumns bars = new BarColumns(TWO, TWO, TWO, TWO, new long[] {0, 5});
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.close()).isSameAs(TWO);
    }

    @Test
    void rejectsNaNAndInfinitiesNamingColumnAndIndex() {
        assertThatThrownBy(() -> new BarColumns(TWO, TWO, TWO, new double[] {1, Double.NaN}, new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("close[1] is NaN: inputs must be finite (leave a missing day out instead of using NaN)");
        assertThatThrownBy(() -> new BarColumns(new double[] {Double.NEGATIVE_INFINITY, 1}, TWO, TWO, TWO, new long[2]))
                .hasMessageStartingWith("open[0] is -Infinity");
    }

    @Test
    void rejectsNegativeVolumesMissingColumnsAndLengthMismatches() {
        assertThatThrownBy(() -> new BarColumns(TWO, TWO, TWO, TWO, new long[] {1, -2}))
                .hasMessage("volume[1] is -2: volumes must not be negative");
        assertThatThrownBy(() -> new BarColumns(TWO, null, TWO, TWO, new long[2]))
                .hasMessage("high must not be null");
        assertThatThrownBy(() -> new BarColumns(TWO, TWO, new double[] {1}, TWO, new long[2]))
                .hasMessage("open and low must have the same length, got 2 and 1");
        assertThatThrownBy(() -> new BarColumns(TWO, TWO, TWO, TWO, new long[3]))
                .hasMessage("open and volume must have the same length, got 2 and 3");
    }
}
