package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MomentumTests {

    private static final double EPS = 1e-10;

    // Bars used by the stochastic, Williams %R and CCI cases.
    private static final double[] HIGH = {10, 12, 11, 13, 12};
    private static final double[] LOW = {8, 9, 9, 10, 10};
    private static final double[] CLOSE = {9, 11, 10, 12, 11};

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    // ------------------------------------------------------------ RSI

    @Test
    void rsiStartsFromSimpleAveragesOfTheFirstChangesThenSmoothsLikeWilder() {
        // changes: +1 +1 -1 +2 +1 -1
        double[] out = Momentum.rsi(new double[] {10, 11, 12, 11, 13, 14, 13}, 3);
        double gain3 = (1 + 1 + 0) / 3.0;
        double loss3 = (0 + 0 + 1) / 3.0;
        double gain4 = (gain3 * 2 + 2) / 3;
        double loss4 = (loss3 * 2 + 0) / 3;
        double gain5 = (gain4 * 2 + 1) / 3;
        double loss5 = (loss4 * 2 + 0) / 3;
        double gain6 = (gain5 * 2 + 0) / 3;
        double loss6 = (loss5 * 2 + 1) / 3;
        assertThat(out[2]).isNaN();
        assertThat(out[3]).isCloseTo(100 * gain3 / (gain3 + loss3), within(EPS));
        assertThat(out[4]).isCloseTo(100 * gain4 / (gain4 + loss4), within(EPS));
        assertThat(out[5]).isCloseTo(100 * gain5 / (gain5 + loss5), within(EPS));
        assertThat(out[6]).isCloseTo(100 * gain6 / (gain6 + loss6), within(EPS));
        assertThat(out[3]).isCloseTo(200 / 3.0, within(EPS));
    }

    @Test
    void rsiIsHundredWithOnlyGainsZeroWithOnlyLossesAndFiftyForConstantPrices() {
        assertThat(Momentum.rsi(new double[] {1, 2, 3, 4, 5}, 2))
                .containsExactly(Double.NaN, Double.NaN, 100, 100, 100);
        assertThat(Momentum.rsi(new double[] {5, 4, 3, 2, 1}, 2)).containsExactly(Double.NaN, Double.NaN, 0, 0, 0);
        double[] flat = Momentum.rsi(constant(30, 7), 14);
        Tolerance.assertWarmup("rsi", flat, 14);
        assertThat(Arrays.copyOfRange(flat, 14, 30)).containsOnly(50);
    }

    @Test
    void rsiWarmUpIsThePeriodAndShortSeriesAreAllNaN() {
        assertThat(Momentum.rsiWarmup(14)).isEqualTo(14);
        assertThat(Momentum.rsi(new double[] {1, 2, 3}, 3)).containsOnly(Double.NaN);
    }

    // ------------------------------------------------------------ MACD

    @Test
    void macdSeedsTheFastEmaAtTheSlowEmasStartAsTaLibDoes() {
        double[] x = {1, 2, 3, 4, 3, 2, 5, 6};
        Macd out = Momentum.macd(x, 2, 3, 2);
        double kFast = 2.0 / 3;
        double kSlow = 2.0 / 4;
        double kSignal = 2.0 / 3;
        double slow2 = (1 + 2 + 3) / 3.0;
        double fast2 = (2 + 3) / 2.0; // the 2 values ending at the slow EMA's first index, not (1 + 2) / 2 at index 1
        double slow3 = slow2 + kSlow * (4 - slow2);
        double fast3 = fast2 + kFast * (4 - fast2);
        double slow4 = slow3 + kSlow * (3 - slow3);
        double fast4 = fast3 + kFast * (3 - fast3);
        double line2 = fast2 - slow2;
        double line3 = fast3 - slow3;
        double line4 = fast4 - slow4;
        double signal3 = (line2 + line3) / 2;
        double signal4 = signal3 + kSignal * (line4 - signal3);
        assertThat(Momentum.macdWarmup(2, 3, 2)).isEqualTo(3);
        assertThat(out.line()[2]).isNaN();
        assertThat(out.signal()[2]).isNaN();
        assertThat(out.histogram()[2]).isNaN();
        assertThat(out.line()[3]).isCloseTo(line3, within(EPS));
        assertThat(out.signal()[3]).isCloseTo(signal3, within(EPS));
        assertThat(out.histogram()[3]).isCloseTo(line3 - signal3, within(EPS));
        assertThat(out.line()[4]).isCloseTo(line4, within(EPS));
        assertThat(out.signal()[4]).isCloseTo(signal4, within(EPS));
        assertThat(out.histogram()[4]).isCloseTo(line4 - signal4, within(EPS));
        assertThat(out.histogram()[4]).isCloseTo(-1 / 9.0, within(EPS));
    }

    @Test
    void macdDefaultsAreTwelveTwentySixNineWithWarmUpThirtyThree() {
        double[] close = BundledCsv.load("aapl.csv").close();
        Macd defaults = Momentum.macd(close);
        Macd explicit = Momentum.macd(close, 12, 26, 9);
        assertThat(Momentum.macdWarmup(12, 26, 9)).isEqualTo(25 + 8);
        assertThat(defaults.line()).containsExactly(explicit.line());
        Tolerance.assertWarmup("macd", defaults.line(), 33);
        Tolerance.assertWarmup("signal", defaults.signal(), 33);
        Tolerance.assertWarmup("hist", defaults.histogram(), 33);
    }

    @Test
    void macdOfConstantPricesIsZero() {
        Macd out = Momentum.macd(constant(50, 3.3));
        for (int i = 33; i < 50; i++) {
            assertThat(out.line()[i]).isCloseTo(0, within(1e-12));
            assertThat(out.histogram()[i]).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void macdRejectsAFastPeriodNotBelowTheSlowOne() {
        assertThatThrownBy(() -> Momentum.macd(new double[40], 26, 12, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fast (26) must be less than slow (12)");
        assertThatThrownBy(() -> Momentum.macd(new double[40], 12, 26, 0))
                .hasMessage("signal must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> Momentum.macd(new double[5], 2, 3, 2, Macd.allocate(4)))
                .hasMessage("out.line must have length 5, got 4");
        assertThat(Momentum.macd(new double[] {1, 2, 3}, 2, 3, 2).line()).containsOnly(Double.NaN);
    }

    // ------------------------------------------------------------ stochastic, Williams %R

    @Test
    void stochasticKLocatesTheCloseInTheWindowRangeAndDAveragesK() {
        Stochastic out = Momentum.stochastic(HIGH, LOW, CLOSE, 3, 2);
        double k2 = 100 * (10 - 8) / (double) (12 - 8);
        double k3 = 100 * (12 - 9) / (double) (13 - 9);
        double k4 = 100 * (11 - 9) / (double) (13 - 9);
        assertThat(out.k()).containsExactly(new double[] {Double.NaN, Double.NaN, k2, k3, k4}, within(EPS));
        assertThat(out.d())
                .containsExactly(
                        new double[] {Double.NaN, Double.NaN, Double.NaN, (k2 + k3) / 2, (k3 + k4) / 2}, within(EPS));
        assertThat(Momentum.stochasticKWarmup(3)).isEqualTo(2);
        assertThat(Momentum.stochasticDWarmup(3, 2)).isEqualTo(2 + 1);
    }

    @Test
    void fullStochasticSmoothsTheFastKAndAveragesThat() {
        // the same fast %K as above (k 3), smoothed over 2 bars, then %D over 2 of those
        double k2 = 100 * (10 - 8) / (double) (12 - 8);
        double k3 = 100 * (12 - 9) / (double) (13 - 9);
        double k4 = 100 * (11 - 9) / (double) (13 - 9);
        Stochastic out = Momentum.stochasticFull(HIGH, LOW, CLOSE, 3, 2, 2);
        double slow3 = (k2 + k3) / 2;
        double slow4 = (k3 + k4) / 2;
        assertThat(out.k())
                .containsExactly(new double[] {Double.NaN, Double.NaN, Double.NaN, slow3, slow4}, within(EPS));
        assertThat(out.d())
                .containsExactly(
                        new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, (slow3 + slow4) / 2},
                        within(EPS));
        assertThat(Momentum.stochasticFullKWarmup(14, 3)).isEqualTo(15);
        assertThat(Momentum.stochasticFullWarmup(14, 3, 3)).isEqualTo(17);
        Stochastic flat = Momentum.stochasticFull(constant(20, 5), constant(20, 5), constant(20, 5), 14, 3, 3);
        Tolerance.assertWarmup("flat d", flat.d(), 17);
        assertThat(Arrays.copyOfRange(flat.d(), 17, 20)).containsOnly(50);
        assertThat(Momentum.stochasticFull(HIGH, LOW, CLOSE, 3, 3, 3).d())
                .as("shorter than the warm-up")
                .containsOnly(Double.NaN);
        assertThatThrownBy(() -> Momentum.stochasticFull(HIGH, LOW, CLOSE, 3, 0, 2))
                .hasMessage("smoothing must be between 1 and 5000, got 0");
    }

    @Test
    void stochasticOfAFlatWindowIsTheMidpoint() {
        Stochastic out = Momentum.stochastic(constant(20, 5), constant(20, 5), constant(20, 5), 14, 3);
        Tolerance.assertWarmup("k", out.k(), 13);
        Tolerance.assertWarmup("d", out.d(), 15);
        assertThat(Arrays.copyOfRange(out.k(), 13, 20)).containsOnly(50);
        assertThat(Arrays.copyOfRange(out.d(), 15, 20)).containsOnly(50);
    }

    @Test
    void williamsRMeasuresTheCloseFromTheHighestHigh() {
        double[] out = Momentum.williamsR(HIGH, LOW, CLOSE, 3);
        assertThat(out)
                .containsExactly(
                        new double[] {
                            Double.NaN,
                            Double.NaN,
                            -100 * (12 - 10) / (double) (12 - 8),
                            -100 * (13 - 12) / (double) (13 - 9),
                            -100 * (13 - 11) / (double) (13 - 9)
                        },
                        within(EPS));
        assertThat(Momentum.williamsR(constant(5, 2), constant(5, 2), constant(5, 2), 3))
                .containsExactly(Double.NaN, Double.NaN, -50, -50, -50);
        assertThat(Momentum.williamsRWarmup(14)).isEqualTo(13);
    }

    @Test
    void stochasticAndWilliamsRAreMirrorImages() {
        BundledCsv csv = BundledCsv.load("goog.csv");
        double[] k =
                Momentum.stochastic(csv.high(), csv.low(), csv.close(), 14, 3).k();
        double[] r = Momentum.williamsR(csv.high(), csv.low(), csv.close(), 14);
        for (int i = 13; i < k.length; i++) {
            assertThat(r[i]).isCloseTo(k[i] - 100, within(1e-9));
        }
    }

    // ------------------------------------------------------------ CCI

    @Test
    void cciDividesTheTypicalPricesDistanceFromItsMeanByFifteenThousandthsOfTheMeanDeviation() {
        // high = close + 1 and low = close - 1, so the typical price equals the close.
        double[] close = {1, 2, 3, 5, 4};
        double[] high = Arrays.stream(close).map(c -> c + 1).toArray();
        double[] low = Arrays.stream(close).map(c -> c - 1).toArray();
        double[] out = Momentum.cci(high, low, close, 3);
        double mean2 = (1 + 2 + 3) / 3.0;
        double dev2 = (Math.abs(1 - mean2) + Math.abs(2 - mean2) + Math.abs(3 - mean2)) / 3;
        double mean3 = (2 + 3 + 5) / 3.0;
        double dev3 = (Math.abs(2 - mean3) + Math.abs(3 - mean3) + Math.abs(5 - mean3)) / 3;
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo((3 - mean2) / (0.015 * dev2), within(1e-9));
        assertThat(out[3]).isCloseTo((5 - mean3) / (0.015 * dev3), within(1e-9));
        assertThat(out[4]).isCloseTo((4 - (3 + 5 + 4) / 3.0) / (0.015 * (1 + 1 + 0) / 3.0), within(1e-9));
    }

    @Test
    void cciOfOneSeriesUsesItInPlaceOfTheTypicalPrice() {
        double[] close = {1, 2, 3, 5, 4};
        double[] out = Momentum.cci(close, 3);
        double mean3 = (2 + 3 + 5) / 3.0;
        double dev3 = (Math.abs(2 - mean3) + Math.abs(3 - mean3) + Math.abs(5 - mean3)) / 3;
        assertThat(out[1]).isNaN();
        assertThat(out[3]).isCloseTo((5 - mean3) / (0.015 * dev3), within(1e-9));
        // with high and low far from the close, the typical-price CCI differs; the close's does not move
        double[] high = {1, 2, 9, 5, 4};
        assertThat(Momentum.cci(high, close, close, 3)[3]).isNotCloseTo(out[3], within(1e-3));
        assertThat(Momentum.cci(new double[] {0.1, 0.1, 0.1, 0.1}, 3)).containsExactly(Double.NaN, Double.NaN, 0, 0);
        assertThat(close).as("the input is not written to").containsExactly(1, 2, 3, 5, 4);
        assertThatThrownBy(() -> Momentum.cci(new double[] {1, Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cciOfAFlatWindowIsZeroEvenAfterMovement() {
        double[] close = {1, 7, 3, 0.1, 0.1, 0.1, 0.1};
        double[] out = Momentum.cci(close, close, close, 3);
        assertThat(Arrays.copyOfRange(out, 5, 7)).containsOnly(0);
        assertThat(Momentum.cci(constant(10, 9), constant(10, 9), constant(10, 9), 10)[9])
                .isZero();
        assertThat(Momentum.cciWarmup(20)).isEqualTo(19);
    }

    // ------------------------------------------------------------ ROC, momentum

    @Test
    void rocIsThePercentChangeOverThePeriodAndZeroFromAZeroBase() {
        assertThat(Momentum.roc(new double[] {10, 11, 12, 9.9}, 2))
                .containsExactly(
                        new double[] {Double.NaN, Double.NaN, 100 * (12 / 10.0 - 1), 100 * (9.9 / 11 - 1)},
                        within(EPS));
        assertThat(Momentum.roc(new double[] {0, 5, 6}, 2)[2]).isZero();
        assertThat(Momentum.rocWarmup(10)).isEqualTo(10);
    }

    /** A long random walk with zeros (bases and current values), negatives and a huge/tiny pair that overflows. */
    private static double[] walkWithZeros(int n) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble(-50, 150);
        }
        if (n > 10) {
            x[n / 3] = 1e-300;
            x[n / 3 + 5] = 1e300;
        }
        x[n - 1] = 0;
        return x;
    }

    @Test
    void rocMatchesTheScalarFormulaBitForBitIncludingZeroBasesAndOverflow() {
        for (int n : new int[] {3, 17, 64, 1_001}) {
            double[] x = walkWithZeros(n);
            for (int period : new int[] {1, 2, 5}) {
                double[] expected = new double[n];
                for (int i = 0; i < n; i++) {
                    if (i < period) {
                        expected[i] = Double.NaN;
                    } else {
                        double base = x[i - period];
                        expected[i] = base == 0 ? 0 : (x[i] / base - 1) * 100;
                    }
                }
                assertThat(Momentum.roc(x, period)).containsExactly(expected);
                double[] out = new double[n];
                Arrays.fill(out, 42);
                assertThat(Momentum.roc(x, period, out)).isSameAs(out).containsExactly(expected);
            }
        }
        double[] noZero = {1, 2, 4, 8, 16, 32, 64, 128, 256};
        assertThat(Momentum.roc(noZero, 3))
                .containsExactly(Double.NaN, Double.NaN, Double.NaN, 700, 700, 700, 700, 700, 700);
        assertThat(Momentum.roc(new double[] {1, 2}, 5)).containsOnly(Double.NaN);
        assertThat(Momentum.roc(new double[0], 5)).isEmpty();
    }

    @Test
    void momentumMatchesTheScalarFormulaBitForBit() {
        double[] x = walkWithZeros(1_001);
        for (int period : new int[] {1, 10, 1_000, 1_001}) {
            double[] expected = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = i < period ? Double.NaN : x[i] - x[i - period];
            }
            assertThat(Momentum.momentum(x, period)).containsExactly(expected);
            double[] out = new double[x.length];
            Arrays.fill(out, 42);
            assertThat(Momentum.momentum(x, period, out)).containsExactly(expected);
        }
    }

    @Test
    void momentumThroughComputeIntoAndTheOutOverloadLeavesOutUntouchedWhenTheInputIsBad() {
        double[] x = walkWithZeros(300);
        double[] high = x.clone();
        double[] low = x.clone();
        for (int period : new int[] {1, 7, 10, 299, 300}) {
            double[] expected = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = i < period ? Double.NaN : x[i] - x[i - period];
            }
            double[][] columns = {new double[x.length]};
            IndicatorCatalog.parse("mom:" + period)
                    .computeInto(new BarColumns(x, high, low, x, new long[x.length]), columns);
            assertThat(columns[0]).containsExactly(expected);
        }
        double[] out = {1, 2, 3};
        assertThatThrownBy(() -> Momentum.momentum(new double[] {1, 2, Double.POSITIVE_INFINITY}, 1, out))
                .hasMessageStartingWith("values[2] is Infinity");
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void rocAndMomentumRejectNonFiniteInputAtAnyPositionInBothOverloads() {
        for (int n : new int[] {1, 3, 12, 25, 100}) {
            for (int period : new int[] {1, 10, 30}) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    for (int at : new int[] {0, n / 2, n - 1}) {
                        double[] x = new double[n];
                        Arrays.fill(x, 3.5);
                        x[at] = bad;
                        String message = "values[" + at + "] is " + bad;
                        int p = period;
                        assertThatThrownBy(() -> Momentum.roc(x, p))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageStartingWith(message);
                        assertThatThrownBy(() -> Momentum.roc(x, p, new double[n]))
                                .hasMessageStartingWith(message);
                        assertThatThrownBy(() -> Momentum.momentum(x, p)).hasMessageStartingWith(message);
                        assertThatThrownBy(() -> Momentum.momentum(x, p, new double[n]))
                                .hasMessageStartingWith(message);
                        // The input is reported before a bad period, as always.
                        assertThatThrownBy(() -> Momentum.roc(x, 0)).hasMessageStartingWith(message);
                        assertThatThrownBy(() -> Momentum.momentum(x, 5001)).hasMessageStartingWith(message);
                    }
                }
            }
        }
        assertThatThrownBy(() -> Momentum.roc(new double[] {1, 2}, 0))
                .hasMessage("period must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> Momentum.momentum(new double[] {1, 2}, 5001))
                .hasMessage("period must be between 1 and 5000, got 5001");
        assertThatThrownBy(() -> Momentum.roc(null, 2)).hasMessage("values must not be null");
        assertThatThrownBy(() -> Momentum.momentum(null, 2)).hasMessage("values must not be null");
    }

    @Test
    void resultsThatOverflowFromFiniteInputAreNotMistakenForBadInput() {
        double big = Double.MAX_VALUE;
        assertThat(Momentum.momentum(new double[] {-big, big}, 1))
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(Momentum.roc(new double[] {1e-300, 1e300}, 1)).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(Momentum.roc(new double[] {0, -0.0, 5, 0}, 2)).containsExactly(Double.NaN, Double.NaN, 0, 0);
    }

    @Test
    void momentumIsTheDifferenceOverThePeriod() {
        assertThat(Momentum.momentum(new double[] {10, 11, 12, 9.5}, 2))
                .containsExactly(new double[] {Double.NaN, Double.NaN, 12 - 10, 9.5 - 11}, within(EPS));
        assertThat(Momentum.momentum(new double[] {1, 2}, 5)).containsOnly(Double.NaN);
        assertThat(Momentum.momentumWarmup(10)).isEqualTo(10);
    }

    // ------------------------------------------------------------ shared checks

    @Test
    void barInputsMustHaveEqualLengthsAndBeFinite() {
        assertThatThrownBy(() -> Momentum.stochastic(HIGH, LOW, new double[] {1, 2}, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("high and close must have the same length, got 5 and 2");
        assertThatThrownBy(() -> Momentum.cci(HIGH, new double[] {1}, CLOSE, 3))
                .hasMessage("high and low must have the same length, got 5 and 1");
        assertThatThrownBy(() -> Momentum.williamsR(HIGH, LOW, new double[] {1, 2, Double.NaN, 4, 5}, 3))
                .hasMessageContaining("close[2] is NaN");
        assertThatThrownBy(() -> Momentum.stochastic(HIGH, LOW, CLOSE, 3, 0))
                .hasMessage("dPeriod must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> Momentum.cci(HIGH, LOW, CLOSE, 3, HIGH)).hasMessage("out must not be the input array");
        assertThatThrownBy(() -> Momentum.stochastic(HIGH, LOW, CLOSE, 3, 2, new Stochastic(new double[5], LOW)))
                .hasMessage("out column must not be the input array");
    }

    @Test
    void outOverloadsFillTheGivenArrays() {
        double[] rsi = new double[5];
        assertThat(Momentum.rsi(new double[] {1, 2, 3, 4, 5}, 2, rsi)).isSameAs(rsi);
        double[] roc = new double[4];
        assertThat(Momentum.roc(new double[] {1, 2, 3, 4}, 1, roc)).isSameAs(roc);
        double[] mom = new double[4];
        assertThat(Momentum.momentum(new double[] {1, 2, 3, 4}, 1, mom)).containsExactly(Double.NaN, 1, 1, 1);
        Stochastic stochastic = Stochastic.allocate(5);
        assertThat(Momentum.stochastic(HIGH, LOW, CLOSE, 3, 2, stochastic)).isSameAs(stochastic);
        assertThat(Momentum.williamsR(HIGH, LOW, CLOSE, 9)).containsOnly(Double.NaN);
        assertThat(Momentum.cci(HIGH, LOW, CLOSE, 9)).containsOnly(Double.NaN);
        assertThat(Momentum.stochastic(HIGH, LOW, CLOSE, 9, 2).d()).containsOnly(Double.NaN);
    }
}
