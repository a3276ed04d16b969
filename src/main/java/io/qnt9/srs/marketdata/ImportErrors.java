package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Counts every rejected value of an import and keeps the first few for the error response. */
final class ImportErrors {

    private final int keep;
    private final List<RowError> first = new ArrayList<>();
    private int count;

    ImportErrors(int keep) {
        this.keep = keep;
    }

    void add(RowError e) {
        count++;
        if (first.size() < keep) {
            first.add(e);
        }
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<RowError> first() {
        return Collections.unmodifiableList(first);
    }

    /** The 422 for a rejected file: the first errors with line numbers, and how many there were in all. */
    static ApiException rejection(List<RowError> errors, int count) {
        RowError first = errors.get(0);
        String where = "Line " + first.line() + (first.line() == 1 ? " (header)" : "")
                + (first.column() == null ? "" : ", column " + first.column()) + ": ";
        String detail = count == 1
                ? where + first.message() + " Nothing was imported."
                : count + " problems found; nothing was imported. First: " + where + first.message();
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-csv", "Invalid CSV", detail)
                .with("errorCount", count)
                .with("errors", new ArrayList<>(errors));
    }
}
