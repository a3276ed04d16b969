package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The faster kernels of the universe-speed round (rolling extremes by doubling, ADX with branch-free directional
 * movement and vectorised true ranges, the returns of {@code relativeTo} and of the rolling statistics in their own
 * vectorised passes, common dates without a merge) give the same bits as the straightforward code they replaced, kept
 * here as the reference: on the bundled real series and on random columns with ties, zeros of both signs and flat
 * stretches.
 */
class KernelEquivalenceTests {

    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, 2.5};

    /** Random columns: GBM-like prices, and columns drawn from a few values (ties, ±0.0, flat windows). */
    private static List<double[]> columns() {
        List<double[]> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(20_261_207L);
        for (int k = 0; k < 6; k++) {
            int n = 50 + rnd.nextInt(900);
            double[] walk = new double[n];
            double[] special = new double[n];
            double level = 100;
            for (int i = 0; i < n; i++) {
                level *= Math.exp(0.02 * (rnd.nextDouble() - 0.5));
                walk[i] = level;
                special[i] = SPECIAL[rnd.nextInt(SPECIAL.length)];
            }
            out.add(walk);
            out.add(special);
        }
        for (String file : BundledCsv.FILES) {
            BundledCsv csv = BundledCsv.load(file);
            out.add(csv.high());
            out.add(csv.low());
        }
        return out;
    }

    private static void assertSameBits(double[] actual, double[] expected, int from) {
        for (int i = from; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i]))
                    .as("index %d: %s vs %s", i, actual[i], expected[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    // ------------------------------------------------------------ rolling extremes

    @Test
    void rollingExtremesEqualAPlainScanOfEveryWindowBitForBit() {
        for (double[] x : columns()) {
            int n = x.length;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[n - 1 - i];
            }
            for (int period : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 13, 14, 16, 17, 20, 26, 31, 52, 64, 65, 200, 700}) {
                double[] highest = new double[n];
                double[] lowest = new double[n];
                Arrays.fill(highest, 42);
                Arrays.fill(lowest, 42);
                RollingExtremes.compute(x, y, period, highest, lowest, new double[n]);
                if (n < period) {
                    assertThat(highest).containsOnly(42);
                    assertThat(lowest).containsOnly(42);
                    continue;
                }
                double[] max = new double[n];
                double[] min = new double[n];
                for (int i = 0; i < n; i++) {
                    double hi = Double.NEGATIVE_INFINITY;
                    double lo = Double.POSITIVE_INFINITY;
                    // Entries before period − 1: the truncated window 0..i.
                    for (int j = Math.max(0, i - period + 1); j <= i; j++) {
                        hi = Math.max(hi, x[j]);
                        lo = Math.min(lo, y[j]);
                    }
                    max[i] = hi;
                    min[i] = lo;
                }
                assertSameBits(highest, max, 0);
                assertSameBits(lowest, min, 0);
            }
        }
    }

    // ------------------------------------------------------------ ADX

    @Test
    void directionalMovementIsTheComparisonWithoutABranch() {
        double[] values = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.25,
            3,
            -7,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN
        };
        for (double move : values) {
            for (double other : values) {
                double expected = move > Math.max(other, 0) ? move : 0;
                assertThat(Double.doubleToRawLongBits(DirectionalMovement.directional(move, other)))
                        .as("move %s other %s", move, other)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void adxEqualsTheOneLoopKernelBitForBit() {
        List<BarColumns> series = new ArrayList<>();
        for (String file : BundledCsv.FILES) {
            BundledCsv csv = BundledCsv.load(file);
            series.add(new BarColumns(csv.open(), csv.high(), csv.low(), csv.close(), csv.volume()));
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 4; k++) {
            int n = 40 + rnd.nextInt(400);
            double[] h = new double[n];
            double[] l = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct levels: equal moves, zero ranges and flat stretches.
                c[i] = 10 + rnd.nextInt(3);
                h[i] = c[i] + rnd.nextInt(2);
                l[i] = c[i] - rnd.nextInt(2);
            }
            series.add(new BarColumns(c, h, l, c, new long[n]));
        }
        for (BarColumns bars : series) {
            for (int period : new int[] {1, 2, 5, 14, 30}) {
                DirectionalIndex actual = DirectionalMovement.adx(bars.high(), bars.low(), bars.close(), period);
                DirectionalIndex expected = referenceAdx(bars.high(), bars.low(), bars.close(), period);
                assertSameBits(actual.adx(), expected.adx(), 0);
                assertSameBits(actual.plusDi(), expected.plusDi(), 0);
                assertSameBits(actual.minusDi(), expected.minusDi(), 0);
            }
        }
    }

    /** The ADX kernel before this round: one loop, branches for the directional movement, true ranges inline. */
    private static DirectionalIndex referenceAdx(double[] high, double[] low, double[] close, int period) {
        int n = close.length;
        DirectionalIndex out = DirectionalIndex.allocate(n);
        double[] adx = out.adx();
        double[] plusDi = out.plusDi();
        double[] minusDi = out.minusDi();
        int firstDi = period;
        int firstAdx = 2 * period - 1;
        for (int i = 0, warm = Math.min(firstDi, n); i < warm; i++) {
            adx[i] = plusDi[i] = minusDi[i] = Double.NaN;
        }
        if (n <= firstDi) {
            return out;
        }
        double plusDm = 0;
        double minusDm = 0;
        double tr = 0;
        for (int i = 1; i < period; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            plusDm += up > Math.max(down, 0) ? up : 0;
            minusDm += down > Math.max(up, 0) ? down : 0;
            tr += Volatility.trueRange(high[i], low[i], close[i - 1]);
        }
        double decay = 1.0 - 1.0 / period;
        double dxSum = 0;
        double average = 0;
        double inv = 1.0 / period;
        double keep = period - 1.0;
        for (int i = period; i < n; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            plusDm = plusDm * decay + (up > Math.max(down, 0) ? up : 0);
            minusDm = minusDm * decay + (down > Math.max(up, 0) ? down : 0);
            tr = tr * decay + Volatility.trueRange(high[i], low[i], close[i - 1]);
            double pdi = 0;
            double mdi = 0;
            if (tr != 0) {
                pdi = 100 * plusDm / tr;
                mdi = 100 * minusDm / tr;
            }
            plusDi[i] = pdi;
            minusDi[i] = mdi;
            double diSum = pdi + mdi;
            boolean defined = diSum != 0;
            double dx = defined ? 100 * Math.abs(pdi - mdi) / diSum : 0;
            if (i < firstAdx) {
                dxSum += dx;
                adx[i] = Double.NaN;
            } else if (i == firstAdx) {
                average = (dxSum + dx) * inv;
                adx[i] = average;
            } else {
                if (defined) {
                    average = (average * keep + dx) * inv;
                }
                adx[i] = average;
            }
        }
        return out;
    }

    // ------------------------------------------------------------ statistics

    private static List<PriceSeries> priceSeries() {
        List<PriceSeries> out = new ArrayList<>();
        for (String file : BundledCsv.FILES) {
            BundledCsv csv = BundledCsv.load(file);
            out.add(new PriceSeries(csv.epochDays(), csv.close()));
        }
        // Steps of one tick: repeated returns (the flat-window rule) and ties.
        int n = 300;
        int[] days = new int[n];
        double[] prices = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = 20_000 + i;
            prices[i] = 100 + (i / 70 % 2 == 0 ? 0 : i % 3);
        }
        out.add(new PriceSeries(days, prices));
        return out;
    }

    @Test
    void relativeToAndRollingStatisticsEqualTheFusedLoopsBitForBit() {
        List<PriceSeries> all = priceSeries();
        PriceSeries spx = all.get(1);
        for (PriceSeries asset : all) {
            // The same dates (asset against itself and a copy of its dates) and different ones (against the index).
            PriceSeries sameDates =
                    new PriceSeries(asset.epochDays().clone(), asset.prices().clone());
            for (PriceSeries benchmark : List.of(asset, sameDates, spx)) {
                if (referenceAligned(asset, benchmark)[0].length < 3) {
                    continue; // the synthetic series shares no dates with the index
                }
                BenchmarkRelation relation = ReturnStatistics.relativeTo(asset, benchmark);
                double[] expected = referenceRelation(asset, benchmark);
                assertThat(relation.beta()).isEqualTo(expected[0]);
                assertThat(relation.correlation()).isEqualTo(expected[1]);
                for (int window : new int[] {2, 5, 63}) {
                    RollingSeries beta = ReturnStatistics.rollingBeta(asset, benchmark, window);
                    RollingSeries reference = referenceRollingBeta(asset, benchmark, window);
                    assertThat(beta.epochDays()).isEqualTo(reference.epochDays());
                    assertSameBits(beta.values(), reference.values(), 0);
                }
            }
            for (int window : new int[] {2, 5, 63}) {
                assertSameBits(
                        ReturnStatistics.rollingVolatility(asset, window).values(),
                        referenceMoments(asset.prices(), window, 0, false),
                        0);
                double rf = ReturnStatistics.dailyRiskFreeRate(0.03);
                assertSameBits(
                        ReturnStatistics.rollingSharpe(asset, window, 0.03).values(),
                        referenceMoments(asset.prices(), window, rf, true),
                        0);
            }
        }
    }

    /** Common dates by the merge, as before this round. */
    private static double[][] referenceAligned(PriceSeries a, PriceSeries b) {
        int[] da = a.epochDays();
        int[] db = b.epochDays();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0, j = 0; i < da.length && j < db.length; ) {
            if (da[i] < db[j]) {
                i++;
            } else if (da[i] > db[j]) {
                j++;
            } else {
                rows.add(new double[] {da[i], a.prices()[i++], b.prices()[j++]});
            }
        }
        double[][] out = new double[3][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            for (int c = 0; c < 3; c++) {
                out[c][k] = rows.get(k)[c];
            }
        }
        return out;
    }

    private static double[] referenceRelation(PriceSeries asset, PriceSeries benchmark) {
        double[][] aligned = referenceAligned(asset, benchmark);
        int count = aligned[0].length - 1;
        double[] a = new double[count];
        double[] b = new double[count];
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < count; i++) {
            a[i] = aligned[1][i + 1] / aligned[1][i] - 1;
            b[i] = aligned[2][i + 1] / aligned[2][i] - 1;
            sumA += a[i];
            sumB += b[i];
        }
        double meanA = sumA / count;
        double meanB = sumB / count;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < count; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        double beta = varB == 0 ? 0 : cov / varB;
        double correlation = varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
        return new double[] {beta, correlation};
    }

    private static RollingSeries referenceRollingBeta(PriceSeries asset, PriceSeries benchmark, int window) {
        double[][] aligned = referenceAligned(asset, benchmark);
        int n = aligned[0].length;
        int[] days = new int[n];
        for (int i = 0; i < n; i++) {
            days[i] = (int) aligned[0][i];
        }
        double[] out = new double[n];
        if (n <= window) {
            Arrays.fill(out, Double.NaN);
            return new RollingSeries(days, out, window);
        }
        double[] pa = aligned[1];
        double[] pb = aligned[2];
        double[] ringA = new double[window];
        double[] ringB = new double[window];
        double inv = 1.0 / window;
        double meanA = 0;
        double meanB = 0;
        double co = 0;
        double m2b = 0;
        int run = 0;
        double previous = Double.NaN;
        int slot = 0;
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            double a = pa[i] / pa[i - 1] - 1;
            double b = pb[i] / pb[i - 1] - 1;
            run = b == previous ? run + 1 : 1;
            previous = b;
            if (i <= window) {
                ringA[i - 1] = a;
                ringB[i - 1] = b;
                double da = a - meanA;
                double db = b - meanB;
                meanA += da / i;
                meanB += db / i;
                co += da * (b - meanB);
                m2b += db * (b - meanB);
            } else {
                double oldA = ringA[slot];
                double oldB = ringB[slot];
                ringA[slot] = a;
                ringB[slot] = b;
                slot = slot + 1 == window ? 0 : slot + 1;
                double dA = a - oldA;
                double dB = b - oldB;
                double nextA = meanA + dA * inv;
                double nextB = meanB + dB * inv;
                co += 0.5 * (dA * (b - nextB + oldB - meanB) + dB * (a - nextA + oldA - meanA));
                m2b += dB * (b - nextB + oldB - meanB);
                meanA = nextA;
                meanB = nextB;
            }
            out[i] = i < window ? Double.NaN : run >= window || m2b <= 0 ? 0 : co / m2b;
        }
        return new RollingSeries(days, out, window);
    }

    private static double[] referenceMoments(double[] p, int window, double shift, boolean sharpe) {
        int n = p.length;
        double[] out = new double[n];
        if (n <= window) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] ring = new double[window];
        double inv = 1.0 / window;
        double invSample = 1.0 / (window - 1);
        double mean = 0;
        double m2 = 0;
        int run = 0;
        double previous = Double.NaN;
        int slot = 0;
        out[0] = Double.NaN;
        double annualise = Math.sqrt(ReturnStatistics.TRADING_DAYS_PER_YEAR);
        for (int i = 1; i < n; i++) {
            double e = p[i] / p[i - 1] - 1 - shift;
            run = e == previous ? run + 1 : 1;
            previous = e;
            if (i <= window) {
                ring[i - 1] = e;
                double delta = e - mean;
                mean += delta / i;
                m2 += delta * (e - mean);
            } else {
                double old = ring[slot];
                ring[slot] = e;
                slot = slot + 1 == window ? 0 : slot + 1;
                double next = mean + (e - old) * inv;
                m2 += (e - old) * (e - next + old - mean);
                mean = next;
            }
            if (i < window) {
                out[i] = Double.NaN;
                continue;
            }
            double deviation = run >= window ? 0 : Math.sqrt(Math.max(m2, 0) * invSample);
            out[i] = sharpe ? (deviation == 0 ? 0 : mean / deviation * annualise) : deviation * annualise;
        }
        return out;
    }
}
