package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VolatilityTests {

    private static final double EPS = 1e-10;

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    // ------------------------------------------------------------ Bollinger

    @Test
    void bollingerBandsUseThePopulationDeviationOfTheWindow() {
        BollingerBands out = Volatility.bollinger(new double[] {1, 2, 3, 4, 3}, 3, 2);
        double sd2 = Math.sqrt((1 + 0 + 1) / 3.0); // window 1 2 3 around 2
        double sd4 = Math.sqrt((1 / 9.0 + 4 / 9.0 + 1 / 9.0) / 3); // window 3 4 3 around 10/3
        assertThat(out.middle()[1]).isNaN();
        assertThat(out.upper()[1]).isNaN();
        assertThat(out.middle()[2]).isCloseTo(2, within(EPS));
        assertThat(out.upper()[2]).isCloseTo(2 + 2 * sd2, within(EPS));
        assertThat(out.lower()[2]).isCloseTo(2 - 2 * sd2, within(EPS));
        assertThat(out.percentB()[2]).isCloseTo((3 - (2 - 2 * sd2)) / (4 * sd2), within(EPS));
        assertThat(out.bandwidth()[2]).isCloseTo(4 * sd2 / 2, within(EPS));
        assertThat(out.middle()[3]).isCloseTo(3, within(EPS));
        assertThat(out.upper()[3]).isCloseTo(3 + 2 * sd2, within(EPS));
        assertThat(out.middle()[4]).isCloseTo(10 / 3.0, within(EPS));
        assertThat(out.lower()[4]).isCloseTo(10 / 3.0 - 2 * sd4, within(EPS));
        assertThat(out.percentB()[4]).isCloseTo((3 - (10 / 3.0 - 2 * sd4)) / (4 * sd4), within(EPS));
        assertThat(out.bandwidth()[4]).isCloseTo(4 * sd4 / (10 / 3.0), within(EPS));
    }

    @Test
    void bollingerOfAFlatWindowCollapsesTheBandsWithPercentBOneHalfEvenAfterMovement() {
        double[] values = {5, 9, 1, 0.1, 0.1, 0.1, 0.1, 0.1};
        BollingerBands out = Volatility.bollinger(values, 3, 2);
        for (int i = 5; i < values.length; i++) {
            assertThat(out.upper()[i]).isEqualTo(0.1);
            assertThat(out.middle()[i]).isEqualTo(0.1);
            assertThat(out.lower()[i]).isEqualTo(0.1);
            assertThat(out.percentB()[i]).isEqualTo(0.5);
            assertThat(out.bandwidth()[i]).isZero();
        }
        BollingerBands flat = Volatility.bollinger(constant(30, 12.5), 20, 2);
        Tolerance.assertWarmup("percentB", flat.percentB(), 19);
        assertThat(Arrays.copyOfRange(flat.percentB(), 19, 30)).containsOnly(0.5);
    }

    @Test
    void bollingerBandwidthIsZeroWhenTheMiddleBandIsZero() {
        BollingerBands out = Volatility.bollinger(new double[] {-1, 1}, 2, 2);
        assertThat(out.middle()[1]).isZero();
        assertThat(out.bandwidth()[1]).isZero();
        assertThat(out.percentB()[1]).isCloseTo((1 - (0 - 2.0)) / 4.0, within(EPS));
    }

    @Test
    void bollingerStaysAccurateOnALongSeriesFarFromZero() {
        // Sliding updates over 20,000 values near 1e6: compare the last window with a direct two-pass computation.
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6 + random.nextGaussian();
        }
        BollingerBands out = Volatility.bollinger(values, 20, 2);
        int last = values.length - 1;
        double mean = 0;
        for (int i = last - 19; i <= last; i++) {
            mean += values[i] / 20;
        }
        double squares = 0;
        for (int i = last - 19; i <= last; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        double sd = Math.sqrt(squares / 20);
        assertThat(out.upper()[last] - out.middle()[last]).isCloseTo(2 * sd, within(1e-6 * sd));
    }

    @Test
    void bollingerValidatesItsArguments() {
        assertThatThrownBy(() -> Volatility.bollinger(new double[] {1, 2}, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be a finite number greater than 0, got 0.0");
        assertThatThrownBy(() -> Volatility.bollinger(new double[] {1, 2}, 2, Double.NaN))
                .hasMessage("k must be a finite number greater than 0, got NaN");
        assertThatThrownBy(() -> Volatility.bollinger(new double[] {1, 2}, 2, 2, BollingerBands.allocate(3)))
                .hasMessage("out.upper must have length 2, got 3");
        assertThat(Volatility.bollinger(new double[] {1, 2}, 3, 2).middle()).containsOnly(Double.NaN);
        assertThat(Volatility.bollinger(new double[] {4}, 1, 2).percentB()).containsExactly(0.5);
        assertThat(Volatility.bollingerWarmup(20)).isEqualTo(19);
    }

    // ------------------------------------------------------------ ATR

    @Test
    void atrStartsWithTheMeanTrueRangeThenSmoothsLikeWilder() {
        double[] high = {10, 12, 11, 13, 20};
        double[] low = {8, 9, 9, 10, 19};
        double[] close = {9, 11, 10, 12, 19.5};
        double tr1 = Math.max(12 - 9, Math.max(Math.abs(12 - 9), Math.abs(9 - 9)));
        double tr2 = Math.max(11 - 9, Math.max(Math.abs(11 - 11), Math.abs(9 - 11)));
        double tr3 = Math.max(13 - 10, Math.max(Math.abs(13 - 10), Math.abs(10 - 10)));
        double tr4 = Math.max(20 - 19, Math.max(Math.abs(20 - 12), Math.abs(19 - 12))); // a gap: 8, not 1
        double atr2 = (tr1 + tr2) / 2;
        double atr3 = (atr2 * 1 + tr3) / 2;
        double atr4 = (atr3 * 1 + tr4) / 2;
        assertThat(Volatility.atr(high, low, close, 2))
                .containsExactly(new double[] {Double.NaN, Double.NaN, atr2, atr3, atr4}, within(EPS));
        assertThat(tr4).isEqualTo(8);
        assertThat(Volatility.atrWarmup(14)).isEqualTo(14);
    }

    @Test
    void atrMatchesThePlainWilderLoopOnEveryLengthUpToRounding() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int period : new int[] {1, 3, 14}) {
            for (int n = 1; n <= period + 40; n++) {
                double[] close = new double[n];
                double[] high = new double[n];
                double[] low = new double[n];
                double price = 100;
                for (int i = 0; i < n; i++) {
                    double open = price;
                    price *= 1 + rnd.nextDouble(-0.05, 0.05);
                    close[i] = price;
                    high[i] = Math.max(open, price) + rnd.nextDouble(2);
                    low[i] = Math.min(open, price) - rnd.nextDouble(2);
                }
                double[] expected = new double[n];
                Arrays.fill(expected, Double.NaN);
                if (n > period) {
                    double sum = 0;
                    for (int i = 1; i <= period; i++) {
                        sum += Volatility.trueRange(high[i], low[i], close[i - 1]);
                    }
                    double atr = sum / period;
                    expected[period] = atr;
                    for (int i = period + 1; i < n; i++) {
                        atr = (atr * (period - 1) + Volatility.trueRange(high[i], low[i], close[i - 1])) / period;
                        expected[i] = atr;
                    }
                }
                double[] out = new double[n];
                Arrays.fill(out, 42);
                assertThat(Volatility.atr(high, low, close, period, out)).isSameAs(out);
                for (int i = 0; i < n; i++) {
                    if (i < period) {
                        assertThat(out[i]).isNaN();
                    } else {
                        assertThat(out[i]).isCloseTo(expected[i], within(1e-12 * expected[i]));
                    }
                }
                if (n > period) {
                    // The seed is the same sum in the same order: equal bit for bit.
                    assertThat(out[period]).isEqualTo(expected[period]);
                }
            }
        }
    }

    @Test
    void atrOfPeriodOneIsTheTrueRangeAndOfConstantPricesZero() {
        double[] high = {10, 12, 11};
        double[] low = {8, 9, 9};
        double[] close = {9, 11, 10};
        assertThat(Volatility.atr(high, low, close, 1)).containsExactly(Double.NaN, 3, 2);
        double[] flat = constant(20, 4);
        double[] out = Volatility.atr(flat, flat, flat, 14);
        Tolerance.assertWarmup("atr", out, 14);
        assertThat(Arrays.copyOfRange(out, 14, 20)).containsOnly(0);
        assertThat(Volatility.atr(high, low, close, 3)).containsOnly(Double.NaN);
    }

    // ------------------------------------------------------------ Donchian

    @Test
    void donchianTracksTheHighestHighAndLowestLowOfTheWindow() {
        double[] high = {10, 12, 11, 13, 12};
        double[] low = {8, 9, 9, 10, 10};
        DonchianChannel out = Volatility.donchian(high, low, 3);
        assertThat(out.upper()).containsExactly(Double.NaN, Double.NaN, 12, 13, 13);
        assertThat(out.lower()).containsExactly(Double.NaN, Double.NaN, 8, 9, 9);
        assertThat(out.middle()).containsExactly(Double.NaN, Double.NaN, (12 + 8) / 2.0, (13 + 9) / 2.0, 11);
        assertThat(Volatility.donchianWarmup(20)).isEqualTo(19);
        assertThat(Volatility.donchian(high, low, 6).upper()).containsOnly(Double.NaN);
    }

    @Test
    void rollingExtremesEqualABruteForceScanForEveryPeriodAndBlockBoundary() {
        SplittableRandom random = new SplittableRandom(11);
        double[] high = new double[157];
        double[] low = new double[157];
        double price = 100;
        for (int i = 0; i < high.length; i++) {
            price += random.nextGaussian();
            high[i] = price + Math.abs(random.nextGaussian());
            low[i] = price - Math.abs(random.nextGaussian());
        }
        for (int period = 1; period <= high.length + 1; period++) {
            DonchianChannel out = Volatility.donchian(high, low, period);
            for (int i = 0; i < high.length; i++) {
                if (i < period - 1) {
                    assertThat(out.upper()[i]).isNaN();
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int j = i - period + 1; j <= i; j++) {
                    max = Math.max(max, high[j]);
                    min = Math.min(min, low[j]);
                }
                assertThat(out.upper()[i]).as("period %d index %d", period, i).isEqualTo(max);
                assertThat(out.lower()[i]).as("period %d index %d", period, i).isEqualTo(min);
            }
        }
    }

    // ------------------------------------------------------------ historical volatility

    @Test
    void historicalVolatilityIsTheAnnualisedSampleDeviationOfLogReturns() {
        double[] prices = {100, 110, 99, 99};
        double r1 = Math.log(110 / 100.0);
        double r2 = Math.log(99 / 110.0);
        double r3 = 0;
        double mean12 = (r1 + r2) / 2;
        double sd12 = Math.sqrt(((r1 - mean12) * (r1 - mean12) + (r2 - mean12) * (r2 - mean12)) / (2 - 1));
        double mean23 = (r2 + r3) / 2;
        double sd23 = Math.sqrt(((r2 - mean23) * (r2 - mean23) + (r3 - mean23) * (r3 - mean23)) / (2 - 1));
        assertThat(Volatility.historicalVolatility(prices, 2))
                .containsExactly(
                        new double[] {Double.NaN, Double.NaN, sd12 * Math.sqrt(252), sd23 * Math.sqrt(252)},
                        within(EPS));
        assertThat(Volatility.historicalVolatilityWarmup(20)).isEqualTo(20);
    }

    @Test
    void historicalVolatilityOfConstantPricesIsExactlyZeroAndItNeedsPositivePrices() {
        double[] out = Volatility.historicalVolatility(new double[] {3, 4, 2, 2, 2, 2}, 3);
        assertThat(out[5]).isZero();
        assertThat(Arrays.copyOfRange(Volatility.historicalVolatility(constant(30, 8), 20), 20, 30))
                .containsOnly(0);
        assertThatThrownBy(() -> Volatility.historicalVolatility(new double[] {1, 0, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prices[1] is 0.0: values must be finite and greater than 0");
        assertThatThrownBy(() -> Volatility.historicalVolatility(new double[] {1, 2, 3}, 1))
                .hasMessage("period must be between 2 and 5000, got 1");
        assertThat(Volatility.historicalVolatility(new double[] {1, 2}, 2)).containsOnly(Double.NaN);
    }

    @Test
    void outOverloadsFillTheGivenArrays() {
        double[] high = {10, 12, 11};
        double[] low = {8, 9, 9};
        double[] close = {9, 11, 10};
        double[] atr = new double[3];
        assertThat(Volatility.atr(high, low, close, 1, atr)).isSameAs(atr);
        DonchianChannel channel = DonchianChannel.allocate(3);
        assertThat(Volatility.donchian(high, low, 2, channel)).isSameAs(channel);
        double[] hv = new double[3];
        assertThat(Volatility.historicalVolatility(close, 2, hv)).isSameAs(hv);
        assertThatThrownBy(() -> Volatility.donchian(high, low, 2, new DonchianChannel(new double[3], high, low)))
                .hasMessage("out column must not be the input array");
        assertThatThrownBy(() -> Volatility.atr(high, low, close, 2, low))
                .hasMessage("out must not be the input array");
    }
}
