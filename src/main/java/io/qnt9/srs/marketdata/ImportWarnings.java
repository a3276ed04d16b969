package io.qnt9.srs.marketdata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plausibility notes on an import whose rows are all valid — not reasons to reject it, but what a person should look
 * at before trusting indicators computed from it: a close that moves by a factor of 1.5 or more from a bar at most a
 * week away in the file (a split or reverse split not adjusted for, a price in the wrong unit, a typo), and bars
 * dated on a Saturday or Sunday (stock exchanges do not trade then). One pass, O(1) per row, as the rows stream by;
 * consecutive rows are compared, so a file in ascending or descending date order is checked completely; the importer
 * then compares the file's first and last bar of each symbol with the stored bars next to them.
 */
final class ImportWarnings {

    /** A move by this factor or more (up or down) is noted: a 3:2 split still shows, a normal day never. */
    static final double SUSPICIOUS_FACTOR = 1.5;

    private static final int MAX_LISTED = 10;
    private static final int MAX_GAP_DAYS = 7;

    private final List<String> notes = new ArrayList<>();
    private int[] lastDay = new int[8];
    private double[] lastClose = new double[8];
    private int moves;
    private int weekendBars;
    private String firstWeekendBar;

    /** One accepted row; {@code sid} numbers the file's symbols from 0. */
    void row(int sid, String symbol, int epochDay, double close) {
        if (Math.floorMod(epochDay + 3, 7) >= 5) { // 1970-01-01 was a Thursday: 0 = Monday … 5 = Saturday
            if (weekendBars++ == 0) {
                firstWeekendBar = symbol + " " + LocalDate.ofEpochDay(epochDay);
            }
        }
        if (sid >= lastDay.length) {
            int size = Math.max(sid + 1, lastDay.length * 2);
            lastDay = Arrays.copyOf(lastDay, size);
            lastClose = Arrays.copyOf(lastClose, size);
        }
        double previous = lastClose[sid];
        int previousDay = lastDay[sid];
        lastClose[sid] = close;
        lastDay[sid] = epochDay;
        if (previous != 0) { // not the symbol's first row
            compare(symbol, previousDay, previous, epochDay, close);
        }
    }

    /**
     * Notes a suspicious move between two bars of one symbol at most a week apart, in either order — rows of the
     * file, or a bar of the file and the stored bar next to it (the seam where an import meets the stored history).
     */
    void compare(String symbol, int dayA, double closeA, int dayB, double closeB) {
        if (Math.abs(dayB - dayA) > MAX_GAP_DAYS) {
            return; // not neighbouring bars
        }
        double factor = closeB / closeA;
        if (factor >= SUSPICIOUS_FACTOR || factor <= 1 / SUSPICIOUS_FACTOR) {
            if (moves++ < MAX_LISTED) {
                boolean ascending = dayB > dayA;
                double from = ascending ? closeA : closeB;
                double to = ascending ? closeB : closeA;
                notes.add(symbol + ": close " + plain(to) + " on " + LocalDate.ofEpochDay(Math.max(dayA, dayB))
                        + " after " + plain(from) + " on " + LocalDate.ofEpochDay(Math.min(dayA, dayB)) + " (×"
                        + plain(new BigDecimal(to / from)
                                .round(new MathContext(3))
                                .doubleValue())
                        + "): a split not adjusted for, or a data error?");
            }
        }
    }

    /** The notes, at most {@value #MAX_LISTED} moves listed and a count of the rest; empty when nothing stood out. */
    List<String> list() {
        List<String> out = new ArrayList<>(notes);
        if (moves > MAX_LISTED) {
            out.add((moves - MAX_LISTED) + " more moves by a factor of " + SUSPICIOUS_FACTOR + " or more.");
        }
        if (weekendBars > 0) {
            out.add(weekendBars + (weekendBars == 1 ? " bar falls" : " bars fall") + " on a Saturday or Sunday (first: "
                    + firstWeekendBar + "): stock exchanges do not trade then.");
        }
        return out;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
