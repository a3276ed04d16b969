package io.qnt9.srs.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.IntFunction;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/** Builds ta4j 0.17 series from our columns and reads ta4j indicators back into columns. */
final class Ta4jSeries {

    private Ta4jSeries() {}

    static BarSeries doubleSeries(BarColumns bars) {
        return build(bars, DoubleNum.class);
    }

    static BarSeries decimalSeries(BarColumns bars) {
        return build(bars, DecimalNum.class);
    }

    private static BarSeries build(BarColumns bars, Class<? extends Num> type) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(type).build();
        ZonedDateTime day = LocalDate.of(2000, 1, 3).atStartOfDay(ZoneOffset.UTC);
        for (int i = 0; i < bars.size(); i++) {
            // ta4j wants strictly increasing end times; the calendar is irrelevant to the indicators compared.
            series.addBar(
                    day.plusDays(i), bars.open()[i], bars.high()[i], bars.low()[i], bars.close()[i], bars.volume()[i]);
        }
        return series;
    }

    static double[] values(Indicator<Num> indicator, int length) {
        return values(length, i -> indicator.getValue(i));
    }

    static double[] values(int length, IntFunction<Num> value) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = value.apply(i).doubleValue();
        }
        return out;
    }
}
