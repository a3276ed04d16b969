package io.qnt9.srs.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-only reader for the bundled real series in {@code data/} (paths relative to the project root, which is the
 * working directory under surefire). Finds columns by header name, so every file's layout works.
 */
record BundledCsv(
        String file,
        int[] epochDays,
        double[] open,
        double[] high,
        double[] low,
        double[] close,
        double[] adjClose,
        long[] volume,
        boolean hasAdjClose) {

    static final List<String> FILES = List.of("aapl.csv", "spx.csv", "goog.csv", "msft.csv");

    static BundledCsv load(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("data", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = List.of(lines.get(0).toLowerCase(Locale.ROOT).split(","));
        int date = header.indexOf("date");
        int open = header.indexOf("open");
        int high = header.indexOf("high");
        int low = header.indexOf("low");
        int close = header.indexOf("close");
        int volume = header.indexOf("volume");
        int adj = -1;
        for (String name : List.of("adj close", "adjclose", "adj_close")) {
            adj = Math.max(adj, header.indexOf(name));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(","));
            }
        }
        int n = rows.size();
        int[] days = new int[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] a = new double[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            days[i] = (int) LocalDate.parse(row[date]).toEpochDay();
            o[i] = Double.parseDouble(row[open]);
            h[i] = Double.parseDouble(row[high]);
            l[i] = Double.parseDouble(row[low]);
            c[i] = Double.parseDouble(row[close]);
            a[i] = adj >= 0 ? Double.parseDouble(row[adj]) : c[i];
            v[i] = Math.round(Double.parseDouble(row[volume]));
        }
        return new BundledCsv(file, days, o, h, l, c, a, v, adj >= 0);
    }

    BarColumns bars() {
        return new BarColumns(open, high, low, close, volume);
    }

    /** The price column the statistics fixtures use: adjusted close where the file has one, else close. */
    PriceSeries returnsSeries() {
        return new PriceSeries(epochDays, adjClose);
    }

    int size() {
        return close.length;
    }

    @Override
    public String toString() {
        return file;
    }
}
