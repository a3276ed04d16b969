package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceSeriesTests {

    @Test
    void needsAscendingDatesAndPositivePrices() {
        assertThatThrownBy(() -> new PriceSeries(new int[] {1, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochDays must be strictly ascending, but epochDays[1] = 1 follows 1");
        assertThatThrownBy(() -> new PriceSeries(new int[] {1, 2}, new double[] {1, 0}))
                .hasMessage("prices[1] is 0.0: values must be finite and greater than 0");
        assertThatThrownBy(() -> new PriceSeries(new int[] {1, 2}, new double[] {Double.NaN, 1}))
                .hasMessage("prices[0] is NaN: values must be finite and greater than 0");
        assertThatThrownBy(() -> new PriceSeries(new int[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 1}))
                .hasMessage("prices[0] is Infinity: values must be finite and greater than 0");
        assertThatThrownBy(() -> new PriceSeries(new int[] {1}, new double[] {1}))
                .hasMessage("a price series needs at least 2 prices, got 1");
        assertThatThrownBy(() -> new PriceSeries(new int[] {1, 2, 3}, new double[] {1, 2}))
                .hasMessage("epochDays and prices must have the same length, got 3 and 2");
        assertThatThrownBy(() -> new PriceSeries(null, new double[] {1, 2})).hasMessage("epochDays must not be null");
    }

    @Test
    void slicesCopyARangeOfAtLeastTwoPrices() {
        PriceSeries series = new PriceSeries(new int[] {1, 2, 3, 4}, new double[] {10, 11, 12, 13});
        PriceSeries tail = series.slice(2, 4);
        assertThat(tail.epochDays()).containsExactly(3, 4);
        assertThat(tail.prices()).containsExactly(12, 13);
        assertThat(tail.size()).isEqualTo(2);
        assertThatThrownBy(() -> series.slice(3, 4))
                .hasMessage("slice [3, 4) must lie within [0, 4) and hold at least 2 prices");
        assertThatThrownBy(() -> series.slice(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.slice(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
