package io.qnt9.srs.marketdata;

/**
 * A live source of daily bars. Implementations fetch from a public API and hand the bars back as CSV text in the
 * layout the importer reads, so provider data passes exactly the same validation as an upload.
 */
public interface MarketDataProvider {

    /** Short name used in import sources and error messages, e.g. {@code alphavantage}. */
    String name();

    /**
     * Fetches the daily history of {@code symbol}.
     *
     * @param full the whole available history instead of the latest ~100 days
     * @return CSV with header {@code date,open,high,low,close,volume}
     * @throws ProviderException when the provider fails, refuses, or answers something unusable
     */
    String dailyBarsCsv(String symbol, boolean full);
}
