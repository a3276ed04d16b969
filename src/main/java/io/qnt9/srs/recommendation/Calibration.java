package io.qnt9.srs.recommendation;

import io.qnt9.srs.analytics.ForwardReturns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Does STRONG_BUY really beat STRONG_SELL? For each band: how often it was given in the window, and the average and
 * median return over the next 5, 20 and 60 trading days (close to close, adjusted), counting only days whose
 * forward window ends inside the backtest window ({@link ForwardReturns}).
 */
final class Calibration {

    static final int[] HORIZONS = {5, 20, 60};

    @Schema(name = "CalibrationForward")
    record Forward(int horizonDays, int count, Double average, Double median) {}

    record Row(Band band, int count, List<Forward> forward) {}

    private Calibration() {}

    static List<Row> table(double[] close, Band[] bands, int from, int to) {
        int[] categories = new int[close.length];
        Arrays.fill(categories, -1);
        for (int t = from; t <= to; t++) {
            categories[t] = bands[t] == null ? -1 : bands[t].ordinal();
        }
        ForwardReturns.Table table = ForwardReturns.table(close, categories, Band.values().length, from, to, HORIZONS);
        List<Row> rows = new ArrayList<>();
        for (Band band : Band.values()) {
            List<Forward> forward = new ArrayList<>();
            for (ForwardReturns.Summary f : table.summaries()[band.ordinal()]) {
                forward.add(new Forward(f.horizon(), f.count(), f.average(), f.median()));
            }
            rows.add(new Row(band, table.counts()[band.ordinal()], List.copyOf(forward)));
        }
        return List.copyOf(rows);
    }
}
