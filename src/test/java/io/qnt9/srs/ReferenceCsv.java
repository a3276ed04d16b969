package io.qnt9.srs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a bundled CSV the simplest possible way — independently of the service's parser — so tests can compute
 * expected values straight from the source file.
 */
public final class ReferenceCsv {

    public record Row(LocalDate date, double open, double high, double low, double close, long volume) {}

    private ReferenceCsv() {}

    public static List<Row> read(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of("data", file));
            List<String> header = List.of(lines.get(0).toLowerCase(Locale.ROOT).split(","));
            int d = header.indexOf("date");
            int o = header.indexOf("open");
            int h = header.indexOf("high");
            int l = header.indexOf("low");
            int c = header.indexOf("close");
            int v = header.indexOf("volume");
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(
                        LocalDate.parse(f[d]),
                        Double.parseDouble(f[o]),
                        Double.parseDouble(f[h]),
                        Double.parseDouble(f[l]),
                        Double.parseDouble(f[c]),
                        Long.parseLong(f[v])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> between(List<Row> rows, LocalDate start, LocalDate end) {
        return rows.stream()
                .filter(r -> !r.date().isBefore(start) && !r.date().isAfter(end))
                .toList();
    }
}
