package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdaptiveAveragesTests {

    private static final double NaN = Double.NaN;

    @Test
    void hmaOfPeriodFourUsesWmaTwoWmaFourAndAFinalWmaTwo() {
        // n = 4: half = 4/2 = 2, final = floor(√4) = 2, warm-up (4 − 1) + (2 − 1) = 4.
        double[] x = {1, 3, 2, 5, 4, 6};
        // WMA2[i] = (x[i−1] + 2·x[i]) / 3;  WMA4[i] = (x[i−3] + 2·x[i−2] + 3·x[i−1] + 4·x[i]) / 10
        double wma2at3 = (2 + 2 * 5) / 3.0; // 4
        double wma2at4 = (5 + 2 * 4) / 3.0; // 13/3
        double wma2at5 = (4 + 2 * 6) / 3.0; // 16/3
        double wma4at3 = (1 + 2 * 3 + 3 * 2 + 4 * 5) / 10.0; // 3.3
        double wma4at4 = (3 + 2 * 2 + 3 * 5 + 4 * 4) / 10.0; // 3.8
        double wma4at5 = (2 + 2 * 5 + 3 * 4 + 4 * 6) / 10.0; // 4.8
        double d3 = 2 * wma2at3 - wma4at3; // 4.7
        double d4 = 2 * wma2at4 - wma4at4; // 73/15
        double d5 = 2 * wma2at5 - wma4at5; // 88/15
        assertThat(AdaptiveAverages.hma(x, 4))
                .containsExactly(
                        new double[] {NaN, NaN, NaN, NaN, (d3 + 2 * d4) / 3, (d4 + 2 * d5) / 3}, within(1e-12));
        assertThat((d3 + 2 * d4) / 3).isCloseTo(216.5 / 45, within(1e-12));
        assertThat(AdaptiveAverages.hmaWarmup(4)).isEqualTo(4);
    }

    @Test
    void hmaFollowsAStraightLineWithoutLag() {
        // For x[i] = i + 1: WMA2 = i + 2/3, WMA4 = i, so 2·WMA2 − WMA4 = i + 4/3 and its WMA2 is i + 1 = x[i].
        double[] x = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        double[] hma = AdaptiveAverages.hma(x, 4);
        for (int i = 4; i < x.length; i++) {
            assertThat(hma[i]).isCloseTo(x[i], within(1e-12));
        }
        // A p-bar WMA of a line lags it by (p − 1)/3. With the integer conventions the lags cancel only when
        // 2h − n + s − 2 = 0: HMA = x − (2·(h − 1)/3 − (n − 1)/3) − (s − 1)/3 = x − (2h − n + s − 2)/3. For n = 20
        // (h = 10, s = 4) that is x − 2/3; for n = 4 above, x.
        double[] hma20 = AdaptiveAverages.hma(x, 20);
        for (int i = 22; i < x.length; i++) {
            assertThat(hma20[i]).isCloseTo(x[i] - 2.0 / 3, within(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2, 1, 1, 1",
        "3, 1, 1, 2",
        "4, 2, 2, 4",
        "15, 7, 3, 16",
        "16, 8, 4, 18",
        "20, 10, 4, 22",
        "5000, 2500, 70, 5068"
    })
    void hmaUsesIntegerDivisionForTheHalfAndTheFloorOfTheSquareRoot(int period, int half, int sqrt, int warmup) {
        assertThat(AdaptiveAverages.hmaHalfPeriod(period)).isEqualTo(half);
        assertThat(AdaptiveAverages.hmaSqrtPeriod(period)).isEqualTo(sqrt);
        assertThat(AdaptiveAverages.hmaWarmup(period)).isEqualTo(warmup);
    }

    @Test
    void hmaStaysAccurateOverLongSeriesBecauseItsSumsAreReAnchored() {
        // 20,000 bars near 10^4, where unanchored sliding weighted sums drift visibly: compare with fresh windows.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] x = new double[20_000];
        double price = 10_000;
        for (int i = 0; i < x.length; i++) {
            price += rnd.nextDouble(-25, 25);
            x[i] = price;
        }
        for (int period : new int[] {9, 20, 200}) {
            Tolerance.assertSeriesClose(
                    "hma" + period,
                    AdaptiveAverages.hma(x, period),
                    AveragesVolumeReference.hma(x, period),
                    AdaptiveAverages.hmaWarmup(period),
                    1e-12,
                    0);
        }
    }

    @Test
    void kamaSeedsWithThePreviousCloseAndAdaptsItsSmoothingToTheEfficiencyRatio() {
        double[] x = {10, 11, 13, 12, 12, 12, 12};
        double fast = 2.0 / 3;
        double slow = 2.0 / 31;
        // i = 2: change |13 − 10| = 3 over a path |11 − 10| + |13 − 11| = 3 → ER 1, sc = (2/3)², seed x[1] = 11.
        double k2 = 11 + fast * fast * (13 - 11); // 11 + 8/9
        // i = 3: change |12 − 11| = 1 over |13 − 11| + |12 − 13| = 3 → ER 1/3, sc = (1/3·(2/3 − 2/31) + 2/31)² =
        // (74/279)².
        double sc3 = (74.0 / 279) * (74.0 / 279);
        assertThat(sc3).isCloseTo(Math.pow((1.0 / 3) * (fast - slow) + slow, 2), within(1e-15));
        double k3 = k2 + sc3 * (12 - k2);
        // i = 4: change |12 − 13| = 1 over |12 − 13| + 0 = 1 → ER 1.
        double k4 = k3 + fast * fast * (12 - k3);
        // i = 5, 6: a flat window (both changes 0): ER 1 as in TA-Lib, so KAMA keeps closing in fast on the price.
        double k5 = k4 + fast * fast * (12 - k4);
        double k6 = k5 + fast * fast * (12 - k5);
        assertThat(AdaptiveAverages.kama(x, 2))
                .containsExactly(new double[] {NaN, NaN, k2, k3, k4, k5, k6}, within(1e-12));
        assertThat(k2).isCloseTo(107.0 / 9, within(1e-12));
        assertThat(AdaptiveAverages.kamaWarmup(10)).isEqualTo(10);
    }

    @Test
    void kamaOfAStraightTrendMovesAtTheFastestRate() {
        // Every change in the same direction: ER = 1, sc = (2/3)² = 4/9 on every bar.
        double[] x = {1, 2, 3, 4, 5};
        double k = 2; // seed x[period − 1] for period 2
        double[] expected = {NaN, NaN, 0, 0, 0};
        for (int i = 2; i < x.length; i++) {
            k += 4.0 / 9 * (x[i] - k);
            expected[i] = k;
        }
        assertThat(AdaptiveAverages.kama(x, 2)).containsExactly(expected, within(1e-12));
    }

    @Test
    void zlemaDeLagsTheInputAndSeedsWithThePartialSma() {
        // period 3: α = 2/4 = 0.5, lag = (3 − 1)/2 = 1, seed Z[1] = mean(2, 4) = 3.
        double[] x = {2, 4, 6, 5, 7};
        double z2 = 0.5 * (2 * 6 - 4) + 0.5 * 3; // 5.5
        double z3 = 0.5 * (2 * 5 - 6) + 0.5 * z2; // 4.75
        double z4 = 0.5 * (2 * 7 - 5) + 0.5 * z3; // 6.875
        assertThat(AdaptiveAverages.zlema(x, 3)).containsExactly(NaN, NaN, z2, z3, z4);
        assertThat(new double[] {z2, z3, z4}).containsExactly(5.5, 4.75, 6.875);
        // period 4: α = 0.4, lag = 3/2 = 1 (integer division), seed Z[2] = mean(2, 4, 6) = 4.
        double y3 = 0.4 * (2 * 5 - 6) + 0.6 * 4; // 4
        double y4 = 0.4 * (2 * 7 - 5) + 0.6 * y3; // 6
        assertThat(AdaptiveAverages.zlema(x, 4)).containsExactly(new double[] {NaN, NaN, NaN, y3, y4}, within(1e-12));
        assertThat(AdaptiveAverages.zlemaLag(4)).isEqualTo(1);
        assertThat(AdaptiveAverages.zlemaLag(20)).isEqualTo(9);
        assertThat(AdaptiveAverages.zlema(x, 1)).containsExactly(x);
    }

    @Test
    void vwmaWeightsTheCloseByVolumeAndFallsBackToTheSmaWithoutVolume() {
        double[] close = {10, 20, 30, 40};
        long[] volume = {1, 3, 0, 0};
        assertThat(AdaptiveAverages.vwma(close, volume, 2))
                .containsExactly(
                        NaN,
                        (10 * 1 + 20 * 3) / 4.0, // 17.5
                        (20 * 3 + 30 * 0) / 3.0, // 20
                        (30 + 40) / 2.0); // no volume in the window: the plain mean, 35
        assertThat(AdaptiveAverages.vwmaWarmup(20)).isEqualTo(19);
    }

    @Test
    void seriesShorterThanTheWarmUpGiveAllNaN() {
        double[] x = {1, 2, 3};
        long[] v = {1, 1, 1};
        assertThat(AdaptiveAverages.hma(x, 4)).containsOnly(NaN); // warm-up 4
        assertThat(AdaptiveAverages.kama(x, 3)).containsOnly(NaN); // warm-up 3
        assertThat(AdaptiveAverages.zlema(x, 4)).containsOnly(NaN);
        assertThat(AdaptiveAverages.vwma(x, v, 4)).containsOnly(NaN);
        assertThat(AdaptiveAverages.hma(new double[0], 20)).isEmpty();
        assertThat(AdaptiveAverages.kama(new double[0], 10)).isEmpty();
    }

    @Test
    void constantPricesGiveTheConstant() {
        double[] x = new double[60];
        Arrays.fill(x, 42.25);
        long[] v = new long[60];
        for (double[] out : new double[][] {
            AdaptiveAverages.hma(x, 20),
            AdaptiveAverages.kama(x, 10),
            AdaptiveAverages.zlema(x, 20),
            AdaptiveAverages.vwma(x, v, 20)
        }) {
            for (int i = 30; i < x.length; i++) {
                assertThat(out[i]).isCloseTo(42.25, within(1e-9));
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheUsualMessages() {
        assertThatThrownBy(() -> AdaptiveAverages.hma(new double[] {1, 2}, 1))
                .hasMessage("period must be between 2 and 5000, got 1");
        assertThatThrownBy(() -> AdaptiveAverages.kama(new double[] {1, 2}, 0))
                .hasMessage("period must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> AdaptiveAverages.zlema(new double[] {1, Double.NaN}, 2))
                .hasMessageStartingWith("values[1] is NaN");
        assertThatThrownBy(() -> AdaptiveAverages.vwma(new double[] {1, 2}, new long[] {1, -1}, 1))
                .hasMessage("volume[1] is -1: volumes must not be negative");
        assertThatThrownBy(() -> AdaptiveAverages.vwma(new double[] {1, 2}, new long[] {1}, 1))
                .hasMessage("close and volume must have the same length, got 2 and 1");
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> AdaptiveAverages.kama(x, 1, x)).hasMessage("out must not be the input array");
        double[] out = new double[3];
        assertThat(AdaptiveAverages.zlema(x, 2, out)).isSameAs(out);
    }
}
