package io.qnt9.srs.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** JSON has no NaN: numeric columns go out as lists with null where a value is undefined (warm-up). */
final class Columns {

    private Columns() {}

    static List<Double> nullable(double[] values, int from, int to) {
        List<Double> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            double v = values[i];
            out.add(Double.isFinite(v) ? v : null);
        }
        return Collections.unmodifiableList(out);
    }

    static Double nullable(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
