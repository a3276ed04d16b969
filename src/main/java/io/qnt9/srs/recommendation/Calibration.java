package io.qnt9.srs.recommendation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Does STRONG_BUY really beat STRONG_SELL? For each band: how often it was given in the window, and the average and
 * median return over the next 5, 20 and 60 trading days (close to close, adjusted), counting only days whose
 * forward window ends inside the backtest window.
 */
final class Calibration {

    static final int[] HORIZONS = {5, 20, 60};

    record Forward(int horizonDays, int count, Double average, Double median) {}

    record Row(Band band, int count, List<Forward> forward) {}

    private Calibration() {}

    static List<Row> table(double[] close, Band[] bands, int from, int to) {
        List<Row> rows = new ArrayList<>();
        for (Band band : Band.values()) {
            int count = 0;
            for (int t = from; t <= to; t++) {
                if (bands[t] == band) {
                    count++;
                }
            }
            List<Forward> forward = new ArrayList<>();
            for (int h : HORIZONS) {
                double[] values = new double[count];
                int n = 0;
                for (int t = from; t + h <= to; t++) {
                    if (bands[t] == band) {
                        values[n++] = close[t + h] / close[t] - 1;
                    }
                }
                forward.add(summary(h, Arrays.copyOf(values, n)));
            }
            rows.add(new Row(band, count, List.copyOf(forward)));
        }
        return List.copyOf(rows);
    }

    static Forward summary(int horizon, double[] values) {
        io.qnt9.srs.analytics.TechnicalRating.Forward f =
                io.qnt9.srs.analytics.TechnicalRating.forward(horizon, values);
        return new Forward(horizon, f.count(), f.average(), f.median());
    }
}
