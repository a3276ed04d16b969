package io.qnt9.srs.marketdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into field boundaries without allocating per field. Handles RFC 4180 quoting on a single
 * line (a quoted field may contain the delimiter; {@code ""} inside quotes is an escaped quote). Market data
 * never needs fields spanning lines, so a line break always ends a record.
 */
final class CsvLine {

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private String line;

    /** Splits {@code line}; returns the number of fields. */
    int split(String line, char delimiter) {
        this.line = line;
        count = 0;
        int n = line.length();
        int i = 0;
        while (true) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            if (i < n && line.charAt(i) == '"') {
                int start = i + 1;
                int j = start;
                while (j < n) {
                    if (line.charAt(j) == '"') {
                        if (j + 1 < n && line.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                starts[count] = start;
                ends[count] = Math.min(j, n);
                count++;
                int next = line.indexOf(delimiter, Math.min(j + 1, n));
                if (next < 0) {
                    return count;
                }
                i = next + 1;
            } else {
                int next = line.indexOf(delimiter, i);
                int start = i;
                int end = next < 0 ? n : next;
                // Blanks around an unquoted field ("2014-01-02, 64.5") are padding, not data.
                while (start < end && line.charAt(start) == ' ') {
                    start++;
                }
                while (end > start && line.charAt(end - 1) == ' ') {
                    end--;
                }
                starts[count] = start;
                ends[count] = end;
                count++;
                if (next < 0) {
                    return count;
                }
                i = next + 1;
            }
        }
    }

    int count() {
        return count;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    String line() {
        return line;
    }

    String text(int field) {
        return line.substring(starts[field], ends[field]);
    }

    /** Field text with surrounding blanks removed, for messages and identifiers. */
    String trimmed(int field) {
        return text(field).trim();
    }

    static List<String> fields(String line, char delimiter) {
        CsvLine l = new CsvLine();
        int n = l.split(line, delimiter);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(l.text(i).replace("\"\"", "\""));
        }
        return out;
    }
}
