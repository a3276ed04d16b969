package io.qnt9.srs.marketdata;

/** One thing wrong with one line of an uploaded CSV file. */
final class CsvProblem extends RuntimeException {

    private final RowError error;

    CsvProblem(long line, String column, String value, String message) {
        super(message, null, false, false);
        this.error = new RowError(line, column, value, message);
    }

    RowError error() {
        return error;
    }
}
