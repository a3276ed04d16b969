package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReturnStatisticsTests {

    private static final double EPS = 1e-12;
    private static final double ANNUAL = Math.sqrt(252);

    // Returns: +10 %, -10 %, 0 %, +20 %, over 730 calendar days.
    private static final int[] DAYS = {0, 100, 200, 300, 730};
    private static final double[] PRICES = {100, 110, 99, 99, 118.8};
    private static final PriceSeries SERIES = new PriceSeries(DAYS, PRICES);

    @Test
    void simpleAndLogReturnsAreColumnsWithNaNFirst() {
        assertThat(ReturnStatistics.simpleReturns(PRICES))
                .containsExactly(new double[] {Double.NaN, 0.1, -0.1, 0, 0.2}, within(EPS));
        assertThat(ReturnStatistics.logReturns(PRICES))
                .containsExactly(
                        new double[] {Double.NaN, Math.log(1.1), Math.log(0.9), 0, Math.log(1.2)}, within(EPS));
        assertThat(ReturnStatistics.simpleReturns(new double[0])).isEmpty();
        assertThatThrownBy(() -> ReturnStatistics.logReturns(new double[] {1, -1}))
                .hasMessage("prices[1] is -1.0: values must be finite and greater than 0");
    }

    @Test
    void weeklyBarsAreAnnualisedByFiftyTwoPeriods() {
        // returns 0.1, -0.1, 0, 0.2: mean 0.05, sample variance 0.05 / 3; rf 4 % a year is 1.04^(1/52) − 1 a week
        PerformanceSummary w = ReturnStatistics.summarize(SERIES, 0.04, 52);
        double mean = 0.05;
        double deviation = Math.sqrt(0.05 / 3);
        double rfWeek = Math.pow(1.04, 1.0 / 52) - 1;
        double downside = Math.sqrt((Math.pow(Math.min(0, -0.1 - rfWeek), 2) + Math.pow(Math.min(0, -rfWeek), 2)) / 4);
        assertThat(w.annualizedVolatility()).isCloseTo(deviation * Math.sqrt(52), within(EPS));
        assertThat(w.sharpeRatio()).isCloseTo((mean - rfWeek) / deviation * Math.sqrt(52), within(EPS));
        assertThat(w.annualizedDownsideDeviation()).isCloseTo(downside * Math.sqrt(52), within(EPS));
        assertThat(w.sortinoRatio()).isCloseTo((mean - rfWeek) * 52 / (downside * Math.sqrt(52)), within(EPS));
        assertThat(w.cagr())
                .as("calendar days, whatever the bars")
                .isCloseTo(Math.pow(1.188, 365.25 / 730) - 1, within(EPS));
        // 252 periods is the daily method, bit for bit
        assertThat(ReturnStatistics.summarize(SERIES, 0.04, 252)).isEqualTo(ReturnStatistics.summarize(SERIES, 0.04));
        assertThatThrownBy(() -> ReturnStatistics.summarize(SERIES, 0, 0))
                .hasMessage("periodsPerYear must be 1 to 366, got 0");
    }

    @Test
    void totalReturnCagrAndVolatility() {
        PerformanceSummary s = ReturnStatistics.summarize(SERIES, 0);
        double mean = (0.1 - 0.1 + 0 + 0.2) / 4;
        double variance = ((0.1 - mean) * (0.1 - mean)
                        + (-0.1 - mean) * (-0.1 - mean)
                        + (0 - mean) * (0 - mean)
                        + (0.2 - mean) * (0.2 - mean))
                / (4 - 1);
        assertThat(s.firstEpochDay()).isZero();
        assertThat(s.lastEpochDay()).isEqualTo(730);
        assertThat(s.returnCount()).isEqualTo(4);
        assertThat(s.totalReturn()).isCloseTo(118.8 / 100 - 1, within(EPS));
        assertThat(s.cagr()).isCloseTo(Math.pow(118.8 / 100, 365.25 / 730) - 1, within(EPS));
        assertThat(s.annualizedVolatility()).isCloseTo(Math.sqrt(variance) * ANNUAL, within(EPS));
        assertThat(variance).isCloseTo(0.05 / 3, within(EPS));
    }

    @Test
    void sharpeAndSortinoUseTheDailyRiskFreeRateAndDownsideDeviationOverAllDays() {
        double rf = 0.02;
        double daily = Math.pow(1 + rf, 1 / 252.0) - 1;
        PerformanceSummary s = ReturnStatistics.summarize(SERIES, rf);
        double[] excess = {0.1 - daily, -0.1 - daily, 0 - daily, 0.2 - daily};
        double mean = (excess[0] + excess[1] + excess[2] + excess[3]) / 4;
        double sd = Math.sqrt(((excess[0] - mean) * (excess[0] - mean)
                        + (excess[1] - mean) * (excess[1] - mean)
                        + (excess[2] - mean) * (excess[2] - mean)
                        + (excess[3] - mean) * (excess[3] - mean))
                / 3);
        // Only the -10 % day and the 0 % day fall short of the risk-free rate.
        double downside = Math.sqrt((excess[1] * excess[1] + excess[2] * excess[2]) / 4);
        assertThat(ReturnStatistics.dailyRiskFreeRate(rf)).isCloseTo(daily, within(1e-16));
        assertThat(s.riskFreeRate()).isEqualTo(rf);
        assertThat(s.sharpeRatio()).isCloseTo(mean / sd * ANNUAL, within(1e-10));
        assertThat(s.annualizedDownsideDeviation()).isCloseTo(downside * ANNUAL, within(1e-10));
        // Annualised like Sharpe: mean excess over the daily downside deviation, times √252 (= mean·252 over the
        // annualised downside deviation, as empyrical and QuantStats compute it).
        assertThat(s.sortinoRatio()).isCloseTo(mean / downside * ANNUAL, within(1e-10));
        assertThat(s.sortinoRatio()).isCloseTo(mean * 252 / (downside * ANNUAL), within(1e-10));

        // Without a risk-free rate: mean 0.05, daily downside deviation sqrt((0.1² + 0²) / 4) = 0.05, so the daily
        // ratio is 1 and the annualised one √252 ≈ 15.87.
        PerformanceSummary zeroRate = ReturnStatistics.summarize(SERIES, 0);
        assertThat(zeroRate.sortinoRatio()).isCloseTo(0.05 / Math.sqrt(0.01 / 4) * Math.sqrt(252), within(1e-10));
        assertThat(zeroRate.sortinoRatio()).isCloseTo(15.874507866387544, within(1e-10));
    }

    @Test
    void maxDrawdownReportsPeakTroughRecoveryAndCalmar() {
        PerformanceSummary s = ReturnStatistics.summarize(SERIES, 0);
        assertThat(s.maxDrawdown().depth()).isCloseTo(99 / 110.0 - 1, within(EPS));
        assertThat(s.maxDrawdown().peakEpochDay()).isEqualTo(100);
        assertThat(s.maxDrawdown().troughEpochDay()).isEqualTo(200); // the first of the two days at 99
        assertThat(s.maxDrawdown().recoveryEpochDay()).hasValue(730);
        assertThat(s.calmarRatio()).isCloseTo(s.cagr() / (1 - 99 / 110.0), within(EPS));
    }

    @Test
    void anUnrecoveredDrawdownHasNoRecoveryDate() {
        PriceSeries falling = new PriceSeries(new int[] {1, 2, 3, 4}, new double[] {10, 12, 6, 9});
        Drawdown drawdown = ReturnStatistics.summarize(falling, 0).maxDrawdown();
        assertThat(drawdown.depth()).isCloseTo(6 / 12.0 - 1, within(EPS));
        assertThat(drawdown.peakEpochDay()).isEqualTo(2);
        assertThat(drawdown.troughEpochDay()).isEqualTo(3);
        assertThat(drawdown.recoveryEpochDay()).isEmpty();
    }

    @Test
    void historicalVarAndCvarUseNumpysLinearQuantileAndArePositiveLosses() {
        TailRisk tail = ReturnStatistics.summarize(SERIES, 0).valueAtRisk();
        // sorted returns -0.1, 0, 0.1, 0.2; h = (4 - 1) * p
        double q95 = -0.1 + (3 * 0.05) * (0 - -0.1);
        double q99 = -0.1 + (3 * 0.01) * (0 - -0.1);
        assertThat(tail.var95()).isCloseTo(-q95, within(EPS));
        assertThat(tail.var99()).isCloseTo(-q99, within(EPS));
        assertThat(tail.cvar95()).isCloseTo(0.1, within(EPS)); // only -0.1 lies at or below q95
        assertThat(tail.cvar99()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void simpleReturnsAreTheQuotientMinusOneBitForBitOnEveryLength() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        for (int n = 0; n <= 40; n++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextDouble(1, 200);
            }
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i == 0 ? Double.NaN : p[i] / p[i - 1] - 1;
            }
            assertThat(ReturnStatistics.simpleReturns(p)).containsExactly(expected);
        }
    }

    @Test
    void simpleReturnsRejectABadPriceAtAnyPosition() {
        for (int n : new int[] {1, 2, 9, 40}) {
            for (int at : new int[] {0, n / 2, n - 1}) {
                for (double bad :
                        new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double[] prices = new double[n];
                    java.util.Arrays.fill(prices, 2.5);
                    prices[at] = bad;
                    assertThatThrownBy(() -> ReturnStatistics.simpleReturns(prices))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("prices[" + at + "] is " + bad + ": values must be finite and greater than 0");
                }
            }
        }
        assertThatThrownBy(() -> ReturnStatistics.simpleReturns(null)).hasMessage("prices must not be null");
        assertThat(ReturnStatistics.simpleReturns(new double[0])).isEmpty();
        assertThat(ReturnStatistics.simpleReturns(new double[] {Double.MIN_VALUE, Double.MAX_VALUE}))
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
    }

    @Test
    void selectionPutsTheKthSmallestInPlaceWithSmallerBeforeAndLargerAfter() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(19);
        for (int n = 1; n <= 60; n++) {
            for (int shape = 0; shape < 4; shape++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = switch (shape) {
                        case 0 -> rnd.nextInt(3); // many ties
                        case 1 -> i; // ascending
                        case 2 -> -i; // descending
                        default -> rnd.nextGaussian();
                    };
                }
                double[] sorted = values.clone();
                java.util.Arrays.sort(sorted);
                for (int k = 0; k < n; k++) {
                    double[] a = values.clone();
                    ReturnStatistics.select(a, 0, n, k);
                    assertThat(a[k]).isEqualTo(sorted[k]);
                    for (int i = 0; i < n; i++) {
                        if (i < k) {
                            assertThat(a[i]).isLessThanOrEqualTo(a[k]);
                        } else {
                            assertThat(a[i]).isGreaterThanOrEqualTo(a[k]);
                        }
                    }
                    java.util.Arrays.sort(a);
                    assertThat(a).containsExactly(sorted);
                }
            }
        }
    }

    @Test
    void tailRiskFromTheReturnsBelowAGuessEqualsTheBoundedHeapBitForBit() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(13);
        for (int n : new int[] {2, 3, 10, 21, 100, 101, 1_000, 2_519}) {
            for (int round = 0; round < 5; round++) {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    // Ties (a coarse grid) in some rounds, fat tails in others.
                    r[i] = round == 0
                            ? Math.rint(rnd.nextGaussian() * 3) / 100
                            : rnd.nextGaussian() * 0.01 * (rnd.nextInt(20) == 0 ? 5 : 1);
                }
                TailRisk heap = ReturnStatistics.tailRisk(r);
                double mean = java.util.Arrays.stream(r).average().orElseThrow();
                double sd = Math.sqrt(java.util.Arrays.stream(r)
                                .map(v -> (v - mean) * (v - mean))
                                .sum()
                        / Math.max(1, n - 1));
                // Guesses below the 5 % quantile (heap fallback), about right, and far above it (too many kept).
                for (double k : new double[] {-10, -3, -1.4, -1, 0, 10}) {
                    assertThat(ReturnStatistics.tailRisk(r, mean + k * sd)).isEqualTo(heap);
                }
            }
        }
    }

    @Test
    void quantilesInterpolateFromTheUpperNeighbourWhenTheFractionIsAtLeastOneHalf() {
        // 12 returns: h95 = 11 * 0.05 = 0.55, so q = x1 - (x1 - x0) * (1 - 0.55), as numpy computes it.
        double[] prices = new double[13];
        prices[0] = 100;
        double[] returns = {-0.3, -0.2, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1};
        for (int i = 0; i < returns.length; i++) {
            prices[i + 1] = prices[i] * (1 + returns[i]);
        }
        int[] days = new int[13];
        for (int i = 0; i < days.length; i++) {
            days[i] = i;
        }
        TailRisk tail =
                ReturnStatistics.summarize(new PriceSeries(days, prices), 0).valueAtRisk();
        double x0 = prices[1] / prices[0] - 1;
        double x1 = prices[2] / prices[1] - 1;
        double q95 = x1 - (x1 - x0) * (1 - 11 * 0.05);
        assertThat(tail.var95()).isCloseTo(-q95, within(EPS));
        assertThat(tail.var95()).isCloseTo(0.245, within(1e-12));
        assertThat(tail.cvar95()).isCloseTo(0.3, within(EPS));
        assertThat(tail.var99()).isCloseTo(-(x0 + (11 * 0.01) * (x1 - x0)), within(EPS));
    }

    @Test
    void bestAndWorstDaysAndThePositiveShare() {
        PerformanceSummary s = ReturnStatistics.summarize(SERIES, 0);
        assertThat(s.bestDay()).isEqualTo(new DailyReturn(730, 118.8 / 99 - 1));
        assertThat(s.worstDay().epochDay()).isEqualTo(200);
        assertThat(s.worstDay().value()).isCloseTo(-0.1, within(EPS));
        assertThat(s.positiveDayShare()).isEqualTo(2 / 4.0);
    }

    @Test
    void constantPricesGiveZeroesInsteadOfUndefinedRatios() {
        PriceSeries flat = new PriceSeries(new int[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5});
        PerformanceSummary s = ReturnStatistics.summarize(flat, 0);
        assertThat(s.totalReturn()).isZero();
        assertThat(s.cagr()).isZero();
        assertThat(s.annualizedVolatility()).isZero();
        assertThat(s.sharpeRatio()).isZero();
        assertThat(s.sortinoRatio()).isZero();
        assertThat(s.maxDrawdown()).isEqualTo(new Drawdown(0, 1, 1, OptionalInt.empty()));
        assertThat(s.calmarRatio()).isZero();
        assertThat(s.valueAtRisk()).isEqualTo(new TailRisk(0, 0, 0, 0));
        assertThat(s.positiveDayShare()).isZero();
        // With a positive risk-free rate every day falls short by the same amount: no deviation, so Sharpe is 0.
        PerformanceSummary withRate = ReturnStatistics.summarize(flat, 0.02);
        assertThat(withRate.sharpeRatio()).isZero();
        assertThat(withRate.sortinoRatio()).isNegative();
    }

    @Test
    void betaAndCorrelationUseReturnsBetweenCommonDatesOnly() {
        // Asset returns 0.1 -0.1 0 0.2 and benchmark returns 0.05 0 -0.05 0.1 between the common dates 0 1 2 4 5.
        PriceSeries asset = new PriceSeries(new int[] {0, 1, 2, 4, 5, 9}, new double[] {100, 110, 99, 99, 118.8, 1});
        double[] b = new double[5];
        b[0] = 200;
        b[1] = b[0] * 1.05;
        b[2] = b[1] * 1.0;
        b[3] = b[2] * 0.95;
        b[4] = b[3] * 1.1;
        PriceSeries benchmark =
                new PriceSeries(new int[] {-3, 0, 1, 2, 3, 4, 5}, new double[] {7, b[0], b[1], b[2], 123, b[3], b[4]});
        BenchmarkRelation relation = ReturnStatistics.relativeTo(asset, benchmark);
        // deviations from the means 0.05 and 0.025
        double cov = 0.05 * 0.025 + -0.15 * -0.025 + -0.05 * -0.075 + 0.15 * 0.075;
        double varB = 0.025 * 0.025 + 0.025 * 0.025 + 0.075 * 0.075 + 0.075 * 0.075;
        double varA = 0.05 * 0.05 + 0.15 * 0.15 + 0.05 * 0.05 + 0.15 * 0.15;
        assertThat(relation.returnCount()).isEqualTo(4);
        assertThat(relation.beta()).isCloseTo(cov / varB, within(1e-10));
        assertThat(relation.correlation()).isCloseTo(cov / Math.sqrt(varA * varB), within(1e-10));
        assertThat(relation.beta()).isCloseTo(1.6, within(1e-10));
        assertThat(relation.correlation()).isCloseTo(0.8, within(1e-10));
    }

    @Test
    void aFlatBenchmarkGivesZeroBetaAndCorrelationAndTooFewCommonDatesAreRejected() {
        PriceSeries flat = new PriceSeries(DAYS, new double[] {1, 1, 1, 1, 1});
        assertThat(ReturnStatistics.relativeTo(SERIES, flat)).isEqualTo(new BenchmarkRelation(4, 0, 0));
        PriceSeries elsewhere = new PriceSeries(new int[] {100, 101, 102}, new double[] {1, 2, 3});
        assertThatThrownBy(() -> ReturnStatistics.relativeTo(SERIES, elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beta needs at least 3 common dates (2 returns), the series share 1");
    }

    @Test
    void rollingVolatilityAndSharpeOverWindowsOfReturns() {
        RollingSeries vol = ReturnStatistics.rollingVolatility(SERIES, 2);
        RollingSeries sharpe = ReturnStatistics.rollingSharpe(SERIES, 2, 0);
        // windows of two returns: (0.1, -0.1), (-0.1, 0), (0, 0.2); sample sd of (a, b) = |a - b| / sqrt(2)
        assertThat(vol.epochDays()).isSameAs(DAYS);
        assertThat(vol.warmup()).isEqualTo(2);
        assertThat(vol.values())
                .containsExactly(
                        new double[] {
                            Double.NaN,
                            Double.NaN,
                            0.2 / Math.sqrt(2) * ANNUAL,
                            0.1 / Math.sqrt(2) * ANNUAL,
                            0.2 / Math.sqrt(2) * ANNUAL
                        },
                        within(1e-10));
        assertThat(sharpe.values())
                .containsExactly(
                        new double[] {
                            Double.NaN,
                            Double.NaN,
                            0 / (0.2 / Math.sqrt(2)) * ANNUAL,
                            -0.05 / (0.1 / Math.sqrt(2)) * ANNUAL,
                            0.1 / (0.2 / Math.sqrt(2)) * ANNUAL
                        },
                        within(1e-10));
    }

    @Test
    void rollingStatisticsOfAFlatWindowAreZero() {
        PriceSeries series = new PriceSeries(new int[] {1, 2, 3, 4, 5, 6}, new double[] {3, 9, 4, 4, 4, 4});
        assertThat(ReturnStatistics.rollingVolatility(series, 2).values()[5]).isZero();
        assertThat(ReturnStatistics.rollingSharpe(series, 2, 0.05).values()[5]).isZero();
        assertThat(ReturnStatistics.rollingBeta(series, series, 2).values()[5]).isZero();
        assertThat(ReturnStatistics.rollingVolatility(series, 9).values()).containsOnly(Double.NaN);
    }

    @Test
    void rollingBetaIsDatedByTheCommonDates() {
        PriceSeries asset = new PriceSeries(new int[] {0, 1, 2, 4, 5}, new double[] {100, 110, 99, 99, 118.8});
        PriceSeries benchmark =
                new PriceSeries(new int[] {0, 1, 2, 3, 4, 5}, new double[] {200, 210, 210, 1, 199.5, 219.45});
        RollingSeries beta = ReturnStatistics.rollingBeta(asset, benchmark, 2);
        // paired returns: (0.1, 0.05), (-0.1, 0), (0, -0.05), (0.2, 0.1)
        double beta2 = (0.1 * 0.025 + -0.1 * -0.025) / (0.025 * 0.025 * 2);
        double beta3 = (-0.05 * 0.025 + 0.05 * -0.025) / (0.025 * 0.025 * 2);
        double beta4 = (-0.1 * -0.075 + 0.1 * 0.075) / (0.075 * 0.075 * 2);
        assertThat(beta.epochDays()).containsExactly(0, 1, 2, 4, 5);
        assertThat(beta.values())
                .containsExactly(new double[] {Double.NaN, Double.NaN, beta2, beta3, beta4}, within(1e-9));
        assertThat(ReturnStatistics.rollingBeta(asset, benchmark, 9).values()).containsOnly(Double.NaN);
    }

    @Test
    void volatilityAndSharpeOfAReturnsColumnSkipTheLeadingNaN() {
        double rf = 0.02;
        double daily = Math.pow(1 + rf, 1 / 252.0) - 1;
        double[] r = {0.1, -0.1, 0, 0.2};
        double mean = 0.05;
        double sd = Math.sqrt(0.05 / 3); // Σ (r − mean)² = 0.0025 + 0.0225 + 0.0025 + 0.0225 = 0.05, over n − 1 = 3
        double[] actual = ReturnStatistics.volatilityAndSharpe(new double[] {Double.NaN, r[0], r[1], r[2], r[3]}, rf);
        assertThat(actual[0]).isCloseTo(sd * ANNUAL, within(EPS));
        assertThat(actual[1]).isCloseTo((mean - daily) / sd * ANNUAL, within(1e-10));
        // No variability: Sharpe 0, not NaN.
        assertThat(ReturnStatistics.volatilityAndSharpe(new double[] {Double.NaN, 0.01, 0.01, 0.01}, rf))
                .containsExactly(0, 0);
        assertThatThrownBy(() -> ReturnStatistics.volatilityAndSharpe(new double[] {Double.NaN, 0.1}, 0))
                .hasMessage("statistics need at least 3 prices (2 returns), got 2");
        assertThatThrownBy(() -> ReturnStatistics.volatilityAndSharpe(r, Double.NaN))
                .hasMessageStartingWith("riskFreeRate must be a finite annual rate");
    }

    /**
     * Every length from 3 to 40 (all remainders of the blocks of four) and 200 random series: the two figures are
     * within 1e-12 of a plain two-pass loop written here, and equal to {@code summarize}'s bit for bit (the benchmark
     * row computes the same numbers as the endpoint).
     */
    @Test
    void volatilityAndSharpeAgreeWithAPlainTwoPassLoopAndWithSummarize() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 240; trial++) {
            int n = trial < 38 ? trial + 3 : 3 + rnd.nextInt(600);
            int[] days = new int[n];
            double[] p = new double[n];
            double price = 50;
            for (int i = 0; i < n; i++) {
                days[i] = 10 * i;
                price *= 1 + 0.03 * (rnd.nextDouble() - 0.5);
                p[i] = price;
            }
            double rf = trial % 3 == 0 ? 0 : 0.03;
            double daily = Math.pow(1 + rf, 1 / 252.0) - 1;
            double sum = 0;
            for (int i = 1; i < n; i++) {
                sum += p[i] / p[i - 1] - 1;
            }
            double mean = sum / (n - 1);
            double squares = 0;
            for (int i = 1; i < n; i++) {
                double d = p[i] / p[i - 1] - 1 - mean;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / (n - 2));
            double[] actual = ReturnStatistics.volatilityAndSharpe(ReturnStatistics.simpleReturns(p), rf);
            assertThat(actual[0]).as("n=%d", n).isCloseTo(sd * ANNUAL, within(1e-12));
            assertThat(actual[1]).as("n=%d", n).isCloseTo((mean - daily) / sd * ANNUAL, within(1e-9));
            PerformanceSummary summary = ReturnStatistics.summarize(new PriceSeries(days, p), rf);
            assertThat(actual[0]).as("n=%d", n).isEqualTo(summary.annualizedVolatility());
            assertThat(actual[1]).as("n=%d", n).isEqualTo(summary.sharpeRatio());
        }
    }

    @Test
    void argumentsAreValidated() {
        assertThatThrownBy(() -> ReturnStatistics.summarize(new PriceSeries(new int[] {1, 2}, new double[] {1, 2}), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statistics need at least 3 prices (2 returns), got 2");
        assertThatThrownBy(() -> ReturnStatistics.summarize(SERIES, -1))
                .hasMessage("riskFreeRate must be a finite annual rate greater than -1 (0.02 = 2 %), got -1.0");
        assertThatThrownBy(() -> ReturnStatistics.summarize(SERIES, Double.NaN))
                .hasMessageStartingWith("riskFreeRate must be a finite annual rate");
        assertThatThrownBy(() -> ReturnStatistics.rollingVolatility(SERIES, 1))
                .hasMessage("window must be between 2 and 5000, got 1");
        assertThatThrownBy(() -> ReturnStatistics.rollingBeta(SERIES, SERIES, 5001))
                .hasMessage("window must be between 2 and 5000, got 5001");
        assertThatThrownBy(() -> ReturnStatistics.summarize(null, 0)).hasMessage("series must not be null");
    }
}
