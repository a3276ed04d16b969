package io.qnt9.srs.marketdata;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The daily bars of one instrument as parallel primitive columns, ascending by date, immutable once built.
 *
 * <p>The column accessors return the backing arrays without copying, because analytics run over whole columns
 * on hot paths; callers must treat them as read-only (nothing in this code base writes to them, and the
 * analytics module only ever reads its inputs).
 */
public final class DailySeries {

    private final String symbol;
    private final int[] epochDays;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] adjClose;
    private final long[] volume;

    private DailySeries(
            String symbol,
            int[] epochDays,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] adjClose,
            long[] volume) {
        this.symbol = symbol;
        this.epochDays = epochDays;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.adjClose = adjClose;
        this.volume = volume;
    }

    /** Wraps already-built columns (same length, dates strictly ascending). */
    public static DailySeries of(
            String symbol,
            int[] epochDays,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] adjClose,
            long[] volume) {
        int n = epochDays.length;
        if (open.length != n
                || high.length != n
                || low.length != n
                || close.length != n
                || adjClose.length != n
                || volume.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        for (int i = 1; i < n; i++) {
            if (epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException("dates must be strictly ascending at index " + i);
            }
        }
        return new DailySeries(symbol, epochDays, open, high, low, close, adjClose, volume);
    }

    public static DailySeries empty(String symbol) {
        return new DailySeries(
                symbol,
                new int[0],
                new double[0],
                new double[0],
                new double[0],
                new double[0],
                new double[0],
                new long[0]);
    }

    public String symbol() {
        return symbol;
    }

    public int size() {
        return epochDays.length;
    }

    public boolean isEmpty() {
        return epochDays.length == 0;
    }

    public LocalDate date(int index) {
        return LocalDate.ofEpochDay(epochDays[index]);
    }

    public int[] epochDays() {
        return epochDays;
    }

    public double[] open() {
        return open;
    }

    public double[] high() {
        return high;
    }

    public double[] low() {
        return low;
    }

    public double[] close() {
        return close;
    }

    public double[] adjClose() {
        return adjClose;
    }

    public long[] volume() {
        return volume;
    }

    /**
     * The holder's 1-day return at bar {@code i}: {@code adjClose[i] / adjClose[i − 1] − 1}, so a split or an
     * ex-dividend day shows what an investor gained or lost, not the mechanical drop of the quoted price. Every
     * "1-day change" the service reports (report, search, ranking, watchlists) is this number. NaN for the first bar.
     */
    public double dayReturn(int i) {
        return i <= 0 ? Double.NaN : adjClose[i] / adjClose[i - 1] - 1;
    }

    /**
     * {@link #dayReturn} in the currency of bar {@code i}'s close: {@code close[i] − close[i] / (1 + return)}. NaN for
     * the first bar.
     */
    public double dayChange(int i) {
        double r = dayReturn(i);
        return close[i] - close[i] / (1 + r);
    }

    public Optional<LocalDate> firstDate() {
        return isEmpty() ? Optional.empty() : Optional.of(date(0));
    }

    public Optional<LocalDate> lastDate() {
        return isEmpty() ? Optional.empty() : Optional.of(date(size() - 1));
    }

    /** The stored range for messages: "2013-05-13 to 2018-05-11", or "none" for an empty series. */
    public String coverage() {
        return isEmpty() ? "none" : date(0) + " to " + date(size() - 1);
    }

    /** Index of the first bar on or after {@code date}; {@link #size()} when there is none. */
    public int firstIndexOnOrAfter(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, (int) date.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last bar on or before {@code date}; -1 when there is none. */
    public int lastIndexOnOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, (int) date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** The bars {@code [from, to)} as a new series with copied columns. */
    public DailySeries slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size());
        }
        return new DailySeries(
                symbol,
                Arrays.copyOfRange(epochDays, from, to),
                Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(adjClose, from, to),
                Arrays.copyOfRange(volume, from, to));
    }

    /** The bars up to and including {@code date}: what was known at that day's close. */
    public DailySeries asOf(LocalDate date) {
        return slice(0, lastIndexOnOrBefore(date) + 1);
    }

    @Override
    public String toString() {
        return "DailySeries[" + symbol + ", " + size() + " bars"
                + (isEmpty() ? "" : ", " + date(0) + ".." + date(size() - 1)) + "]";
    }

    /** Grows columns row by row; used by the repository and by tests building series by hand. */
    public static final class Builder {
        private final String symbol;
        private int n;
        private int[] days;
        private double[] o;
        private double[] h;
        private double[] l;
        private double[] c;
        private double[] a;
        private long[] v;

        public Builder(String symbol) {
            this(symbol, 256);
        }

        public Builder(String symbol, int capacity) {
            this.symbol = symbol;
            int cap = Math.max(capacity, 16);
            days = new int[cap];
            o = new double[cap];
            h = new double[cap];
            l = new double[cap];
            c = new double[cap];
            a = new double[cap];
            v = new long[cap];
        }

        public Builder add(LocalDate date, double open, double high, double low, double close, long volume) {
            return add((int) date.toEpochDay(), open, high, low, close, close, volume);
        }

        public Builder add(
                int epochDay, double open, double high, double low, double close, double adjClose, long volume) {
            if (n == days.length) {
                int cap = n * 2;
                days = Arrays.copyOf(days, cap);
                o = Arrays.copyOf(o, cap);
                h = Arrays.copyOf(h, cap);
                l = Arrays.copyOf(l, cap);
                c = Arrays.copyOf(c, cap);
                a = Arrays.copyOf(a, cap);
                v = Arrays.copyOf(v, cap);
            }
            days[n] = epochDay;
            o[n] = open;
            h[n] = high;
            l[n] = low;
            c[n] = close;
            a[n] = adjClose;
            v[n] = volume;
            n++;
            return this;
        }

        public DailySeries build() {
            return of(
                    symbol,
                    Arrays.copyOf(days, n),
                    Arrays.copyOf(o, n),
                    Arrays.copyOf(h, n),
                    Arrays.copyOf(l, n),
                    Arrays.copyOf(c, n),
                    Arrays.copyOf(a, n),
                    Arrays.copyOf(v, n));
        }
    }
}
