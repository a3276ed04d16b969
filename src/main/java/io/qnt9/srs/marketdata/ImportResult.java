package io.qnt9.srs.marketdata;

import java.time.LocalDate;
import java.util.List;

/**
 * What an accepted import did.
 *
 * @param rowsReceived valid data rows in the file
 * @param rowsInserted bars for dates that were not stored before
 * @param rowsUpdated stored bars overwritten ({@link ImportMode#REPLACE})
 * @param rowsSkipped rows for dates already stored, left alone ({@link ImportMode#APPEND})
 * @param createdInstruments symbols that did not exist and were created with the symbol as their name
 * @param ignoredColumns header columns that are not bar data (e.g. Dividends)
 * @param warnings what looked implausible in rows that were nevertheless valid and imported (see {@link
 *     ImportWarnings}): closes that move by a factor of 1.5 or more between neighbouring bars, weekend dates
 */
public record ImportResult(
        long importId,
        List<String> symbols,
        ImportMode mode,
        int rowsReceived,
        int rowsInserted,
        int rowsUpdated,
        int rowsSkipped,
        LocalDate firstDate,
        LocalDate lastDate,
        List<String> createdInstruments,
        List<String> ignoredColumns,
        List<String> warnings,
        long durationMs) {

    /** The same result with {@code warning} first among the warnings. */
    ImportResult withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings.size() + 1);
        all.add(warning);
        all.addAll(warnings);
        return new ImportResult(
                importId,
                symbols,
                mode,
                rowsReceived,
                rowsInserted,
                rowsUpdated,
                rowsSkipped,
                firstDate,
                lastDate,
                createdInstruments,
                ignoredColumns,
                List.copyOf(all),
                durationMs);
    }
}
