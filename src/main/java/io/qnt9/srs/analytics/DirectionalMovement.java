package io.qnt9.srs.analytics;

/**
 * Wilder's directional movement system: ADX with +DI and −DI, following TA-Lib ({@code ADX}, {@code PLUS_DI},
 * {@code MINUS_DI}) step for step.
 *
 * <p>Same conventions as {@link MovingAverages}: outputs as long as the input, {@code NaN} before the warm-up index,
 * finite after it, non-finite input rejected.
 */
public final class DirectionalMovement {

    private DirectionalMovement() {}

    /** Bars needed before the first +DI/−DI value: {@code period}. */
    public static int diWarmup(int period) {
        return period;
    }

    /** Bars needed before the first ADX value: {@code 2·period − 1} (the DI warm-up plus {@code period − 1} DX values). */
    public static int adxWarmup(int period) {
        return diWarmup(period) + period - 1;
    }

    /** See {@link #adx(double[], double[], double[], int, DirectionalIndex)}. */
    public static DirectionalIndex adx(double[] high, double[] low, double[] close, int period) {
        Arguments.notNull("close", close);
        return adx(high, low, close, period, DirectionalIndex.allocate(close.length));
    }

    /**
     * ADX, +DI and −DI. For bar {@code i ≥ 1}: {@code up = high[i] − high[i-1]}, {@code down = low[i-1] − low[i]};
     * {@code +DM = up} if {@code up > max(down, 0)} else 0; {@code −DM = down} if {@code down > max(up, 0)} else 0;
     * {@code TR} is the true range. Wilder sums {@code S} of +DM, −DM and TR start as plain sums over bars
     * {@code 1..period−1} and then follow {@code S[i] = S[i-1] − S[i-1]/period + x[i]} (TA-Lib's initialisation).
     * From index {@code period}: {@code +DI = 100·S(+DM)/S(TR)}, {@code −DI = 100·S(−DM)/S(TR)} (both 0 when
     * {@code S(TR) = 0}), and {@code DX = 100·|+DI − −DI| / (+DI + −DI)}. The first ADX, at index {@code 2·period − 1},
     * is the mean of the {@code period} DX values at indices {@code period..2·period−1}; then {@code ADX[i] =
     * (ADX[i-1]·(period − 1) + DX[i]) / period}. Where DX is undefined ({@code S(TR) = 0} or {@code +DI + −DI = 0}) it
     * counts as 0 in the first mean and leaves the ADX unchanged afterwards, as in TA-Lib (which tests
     * {@code |x| < 1e-8} where this code tests {@code x == 0}).
     *
     * <p>ta4j seeds its smoothing at bar 0 and converges to these values geometrically.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or an output column has the wrong length
     */
    public static DirectionalIndex adx(double[] high, double[] low, double[] close, int period, DirectionalIndex out) {
        Arguments.bars(high, low, close);
        Arguments.period("period", period);
        Arguments.notNull("out", out);
        int n = close.length;
        for (double[] column : new double[][] {out.adx(), out.plusDi(), out.minusDi()}) {
            Arguments.output("out column", column, high, n);
            Arguments.output("out column", column, low, n);
            Arguments.output("out column", column, close, n);
        }
        computeAdx(high, low, close, period, out);
        return out;
    }

    static void computeAdx(double[] high, double[] low, double[] close, int period, DirectionalIndex out) {
        double[] adx = out.adx();
        double[] plusDi = out.plusDi();
        double[] minusDi = out.minusDi();
        int n = close.length;
        int firstDi = diWarmup(period);
        int firstAdx = adxWarmup(period);
        for (int i = 0, warm = Math.min(firstDi, n); i < warm; i++) {
            adx[i] = plusDi[i] = minusDi[i] = Double.NaN;
        }
        if (n <= firstDi) {
            return;
        }
        // The true ranges first, into adx[] (vectorised over the previous closes, as in Volatility.computeAtr); the
        // loops below read adx[i] before they overwrite it.
        System.arraycopy(close, 0, adx, 1, n - 1);
        for (int i = 1; i < n; i++) {
            adx[i] = Volatility.trueRange(high[i], low[i], adx[i]);
        }
        double plusDm = 0;
        double minusDm = 0;
        double tr = 0;
        for (int i = 1; i < period; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            plusDm += directional(up, down);
            minusDm += directional(down, up);
            tr += adx[i];
            adx[i] = Double.NaN;
        }
        double decay = 1.0 - 1.0 / period;
        double dxSum = 0;
        double average = 0;
        double inv = 1.0 / period;
        double keep = period - 1.0;
        for (int i = period; i < n; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            plusDm = plusDm * decay + directional(up, down);
            minusDm = minusDm * decay + directional(down, up);
            tr = tr * decay + adx[i];
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
    }

    /**
     * The directional movement: {@code move} if {@code move > max(other, 0)}, else {@code +0.0}. Without a branch
     * (which of the two moves wins is a coin toss the predictor cannot learn, and C2 compiles a conditional double as
     * a jump): the comparison selects an all-ones or all-zeros mask for the bits of {@code move}. Same bits as
     * {@code move > Math.max(other, 0) ? move : 0}.
     */
    static double directional(double move, double other) {
        long keep = move > Math.max(other, 0) ? -1L : 0L;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(move) & keep);
    }
}
