package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeIndicatorsTests {

    @Test
    void obvStartsAtTheFirstVolumeAndAddsOrSubtractsEachDaysVolumeByTheCloseDirection() {
        double[] close = {10, 11, 11, 10, 12};
        long[] volume = {100, 200, 300, 400, 500};
        assertThat(VolumeIndicators.obv(close, volume))
                .containsExactly(100, 100 + 200, 100 + 200, 100 + 200 - 400, 100 + 200 - 400 + 500);
        assertThat(VolumeIndicators.obvWarmup()).isZero();
        assertThat(VolumeIndicators.obv(new double[0], new long[0])).isEmpty();
    }

    @Test
    void obvMatchesTheSequentialTaLibLoopBitForBitOnLongSeries() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int n = 1; n <= 40; n++) {
            for (int round = 0; round < 3; round++) {
                double[] close = new double[n];
                long[] volume = new long[n];
                for (int i = 0; i < n; i++) {
                    // Few distinct prices, so that unchanged closes (and −0.0 = 0.0 differences) occur often.
                    close[i] = rnd.nextInt(4) - 1.5;
                    volume[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextLong(1L << 40);
                }
                double[] expected = new double[n];
                double obv = volume[0];
                expected[0] = obv;
                for (int i = 1; i < n; i++) {
                    if (close[i] > close[i - 1]) {
                        obv += volume[i];
                    } else if (close[i] < close[i - 1]) {
                        obv -= volume[i];
                    }
                    expected[i] = obv;
                }
                assertThat(VolumeIndicators.obv(close, volume)).containsExactly(expected);
                double[] out = new double[n];
                java.util.Arrays.fill(out, 42);
                assertThat(VolumeIndicators.obv(close, volume, out)).containsExactly(expected);
            }
        }
    }

    /**
     * Sums up to just below ±2^53 (long runs of rises, then of falls, with unchanged closes between), in both overloads
     * and through {@code IndicatorSpec.computeInto}: every value equals the exact sum, taken here in {@code long}
     * arithmetic.
     */
    @Test
    void obvIsExactForSumsJustBelowTwoToThe53InEveryPath() {
        long big = (1L << 53) / 64 - 3; // 64 of them stay below 2^53
        int n = 200;
        double[] close = new double[n];
        long[] volume = new long[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            // 49 rises, 10 unchanged, 100 falls (to far below zero), 40 unchanged
            boolean rise = i >= 1 && i < 50;
            boolean fall = i >= 60 && i < 160;
            price += rise ? 0.25 : fall ? -0.5 : 0;
            close[i] = price;
            volume[i] = fall ? big : big - i;
        }
        long exact = volume[0];
        double[] expected = new double[n];
        expected[0] = exact;
        for (int i = 1; i < n; i++) {
            exact += close[i] > close[i - 1] ? volume[i] : close[i] < close[i - 1] ? -volume[i] : 0;
            expected[i] = exact; // exact as a double: |sum| < 2^53
        }
        assertThat(expected[49]).isGreaterThan(0x1p52); // near the top
        assertThat(expected[159]).isLessThan(-0x1p52).isGreaterThan(-0x1p53); // and deep below zero
        assertThat(VolumeIndicators.obv(close, volume)).containsExactly(expected);
        double[] out = new double[n];
        java.util.Arrays.fill(out, 42);
        assertThat(VolumeIndicators.obv(close, volume, out)).containsExactly(expected);
        double[][] columns = {new double[n]};
        IndicatorCatalog.parse("obv")
                .computeInto(new BarColumns(close.clone(), close.clone(), close.clone(), close, volume), columns);
        assertThat(columns[0]).containsExactly(expected);
    }

    @Test
    void theOutOverloadLeavesOutUntouchedWhenTheInputIsBad() {
        double[] out = {1, 2, 3};
        assertThatThrownBy(() -> VolumeIndicators.obv(new double[] {1, Double.NaN, 2}, new long[] {1, 2, 3}, out))
                .hasMessageStartingWith("close[1] is NaN");
        assertThatThrownBy(() -> VolumeIndicators.obv(new double[] {1, 2, 3}, new long[] {1, 2, -3}, out))
                .hasMessageStartingWith("volume[2] is -3");
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void obvRejectsBadInputAtAnyPositionInBothOverloads() {
        for (int n : new int[] {1, 2, 9, 40}) {
            for (int at : new int[] {0, n / 2, n - 1}) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double[] close = new double[n];
                    java.util.Arrays.fill(close, 7);
                    close[at] = bad;
                    long[] volume = new long[n];
                    volume[n - 1 - at] = -1; // also a bad volume: the close is reported first, as always
                    String message = "close[" + at + "] is " + bad;
                    assertThatThrownBy(() -> VolumeIndicators.obv(close, volume))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith(message);
                    assertThatThrownBy(() -> VolumeIndicators.obv(close, volume, new double[n]))
                            .hasMessageStartingWith(message);
                    assertThatThrownBy(() -> VolumeIndicators.obv(close, null)).hasMessageStartingWith(message);
                    assertThatThrownBy(() -> VolumeIndicators.obv(close, new long[n + 1]))
                            .hasMessageStartingWith(message);
                }
                for (long bad : new long[] {-1, Long.MIN_VALUE}) {
                    double[] close = new double[n];
                    long[] volume = new long[n];
                    java.util.Arrays.fill(volume, Long.MAX_VALUE);
                    volume[at] = bad;
                    String message = "volume[" + at + "] is " + bad + ": volumes must not be negative";
                    assertThatThrownBy(() -> VolumeIndicators.obv(close, volume))
                            .hasMessage(message);
                    assertThatThrownBy(() -> VolumeIndicators.obv(close, volume, new double[n]))
                            .hasMessage(message);
                }
            }
        }
        assertThatThrownBy(() -> VolumeIndicators.obv(new double[2], null)).hasMessage("volume must not be null");
        assertThatThrownBy(() -> VolumeIndicators.obv(new double[2], new long[3]))
                .hasMessage("close and volume must have the same length, got 2 and 3");
        // A price change that overflows is not bad input: it is a rise.
        double big = Double.MAX_VALUE;
        assertThat(VolumeIndicators.obv(new double[] {-big, big}, new long[] {1, 2}))
                .containsExactly(1, 3);
    }

    @Test
    void obvOfConstantPricesStaysAtTheFirstVolume() {
        assertThat(VolumeIndicators.obv(new double[] {5, 5, 5}, new long[] {7, 8, 9}))
                .containsExactly(7, 7, 7);
    }

    @Test
    void vwapWeightsTheTypicalPriceByVolumeOverTheWindow() {
        double[] high = {11, 12, 13, 14};
        double[] low = {9, 10, 9, 12};
        double[] close = {10, 11, 12, 13};
        long[] volume = {100, 300, 0, 200};
        double tp0 = (11 + 9 + 10) / 3.0;
        double tp1 = (12 + 10 + 11) / 3.0;
        double tp2 = (13 + 9 + 12) / 3.0;
        double tp3 = (14 + 12 + 13) / 3.0;
        assertThat(VolumeIndicators.vwap(high, low, close, volume, 2))
                .containsExactly(
                        new double[] {
                            Double.NaN,
                            (tp0 * 100 + tp1 * 300) / (100 + 300),
                            (tp1 * 300 + tp2 * 0) / (300 + 0),
                            (tp2 * 0 + tp3 * 200) / (0 + 200)
                        },
                        within(1e-10));
        assertThat(VolumeIndicators.vwapWarmup(20)).isEqualTo(19);
    }

    @Test
    void vwapOfAWindowWithoutVolumeIsThePlainMeanOfTheTypicalPrice() {
        double[] high = {11, 12, 13};
        double[] low = {9, 10, 9};
        double[] close = {10, 11, 12};
        double[] out = VolumeIndicators.vwap(high, low, close, new long[] {5, 0, 0}, 2);
        assertThat(out[2]).isCloseTo(((12 + 10 + 11) / 3.0 + (13 + 9 + 12) / 3.0) / 2, within(1e-12));
        assertThat(VolumeIndicators.vwap(high, low, close, new long[3], 4)).containsOnly(Double.NaN);
    }

    @Test
    void volumeMustNotBeNegativeAndLengthsMustMatch() {
        assertThatThrownBy(() -> VolumeIndicators.obv(new double[] {1, 2}, new long[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("volume[1] is -1: volumes must not be negative");
        assertThatThrownBy(() -> VolumeIndicators.obv(new double[] {1, 2}, new long[] {1}))
                .hasMessage("close and volume must have the same length, got 2 and 1");
        assertThatThrownBy(() ->
                        VolumeIndicators.vwap(new double[] {1}, new double[] {1}, new double[] {1}, new long[] {1}, 0))
                .hasMessage("period must be between 1 and 5000, got 0");
        double[] out = new double[2];
        assertThat(VolumeIndicators.obv(new double[] {1, 2}, new long[] {3, 4}, out))
                .isSameAs(out);
    }
}
