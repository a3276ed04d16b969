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
     * The splits the provider lists for {@code symbol}, oldest first; empty when the provider does not adjust for
     * splits. Asked first, so that a caller can choose the history it needs ({@link #dailyBars}) knowing them.
     *
     * @throws ProviderException when the provider fails, refuses, or answers something unusable
     */
    List<Split> splits(String symbol);

    /**
     * Fetches the daily history of {@code symbol}, adjusted for {@code splits} (as Yahoo's {@code Close} is): a bar
     * dated before a split's effective date has its prices divided by the split's factor and its volume multiplied
     * by it, so that the whole series is in today's shares.
     *
     * @param full the whole available history instead of the latest ~100 days
     * @param splits the splits to adjust for, as {@link #splits} answered them
     * @return the bars as CSV with header {@code date,open,high,low,close,volume}
     * @throws ProviderException when the provider fails, refuses, or answers something unusable
     */
    String dailyBars(String symbol, boolean full, List<Split> splits);

    /**
     * A stock split: from {@code effective} on (the first trading day at the new price), one share is {@code factor}
     * shares — 2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split.
     */
    record Split(LocalDate effective, java.math.BigDecimal factor) {}
}
