package io.qnt9.srs.marketdata;

import java.time.LocalDate;
import java.util.List;

/**
 * A live source of daily bars. Implementations fetch from a public API and hand the bars back as CSV text in the
 * layout the importer reads, so provider data passes exactly the same validation as an upload.
 */
public interface MarketDataProvider {

    /** Short name used in import sources and error messages, e.g. {@code alphavantage}. */
    String name();

    /**
     * Fetches the daily history of {@code symbol}, adjusted for the splits the provider knows (as Yahoo's
     * {@code Close} is): a bar dated before a split's effective date has its prices divided by the split's factor
     * and its volume multiplied by it, so that the whole series is in today's shares.
     *
     * @param full the whole available history instead of the latest ~100 days
     * @return the bars as CSV with header {@code date,open,high,low,close,volume}, and the splits applied
     * @throws ProviderException when the provider fails, refuses, or answers something unusable
     */
    Series dailyBars(String symbol, boolean full);

    /**
     * A stock split: from {@code effective} on (the first trading day at the new price), one share is {@code factor}
     * shares — 2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split.
     */
    record Split(LocalDate effective, java.math.BigDecimal factor) {}

    /** A fetched history: the split-adjusted bars as CSV, and every split the provider lists, oldest first. */
    record Series(String csv, List<Split> splits) {}
}
