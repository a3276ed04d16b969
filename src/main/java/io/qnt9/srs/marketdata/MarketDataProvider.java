package io.qnt9.srs.marketdata;

import java.math.BigDecimal;
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
     * The cash dividends the provider lists for {@code symbol}, oldest first, amounts as paid (per share of the day
     * the dividend went ex, not adjusted for later splits); empty when the provider does not adjust for dividends.
     * Entries without a usable date or a positive amount are left out. Asked before the bars, like {@link #splits}.
     *
     * @throws ProviderException when the provider fails, refuses, or answers something unusable
     */
    List<Dividend> dividends(String symbol);

    /**
     * Fetches the daily history of {@code symbol}, adjusted for {@code splits} (as Yahoo's {@code Close} is): a bar
     * dated before a split's effective date has its prices divided by the split's factor and its volume multiplied
     * by it, so that the whole series is in today's shares; and with an adjusted close for {@code dividends} (as
     * Yahoo's {@code Adj Close} is): every bar dated before an ex-date has its close multiplied by {@code 1 − D / C}
     * (D the dividend, C the close of the last bar before the ex-date, both in today's shares), the factors of
     * successive dividends compounding.
     *
     * @param full the whole available history instead of the latest ~100 days
     * @param splits the splits to adjust for, as {@link #splits} answered them
     * @param dividends the dividends to adjust the close for, as {@link #dividends} answered them
     * @return the bars as CSV with header {@code date,open,high,low,close,adj_close,volume}; without {@code adj_close}
     *     when the provider does not adjust for dividends (the importer then gives new bars their close as adjusted
     *     close, and keeps the adjustment factor of the bars it replaces)
     * @throws ProviderException when the provider fails, refuses, or answers something unusable
     */
    String dailyBars(String symbol, boolean full, List<Split> splits, List<Dividend> dividends);

    /**
     * The requests one refresh sends when all goes well: the bars, plus one for each of {@link #splits} and {@link
     * #dividends} that asks the provider (a retry sends more, a refusal fewer). A scheduled run plans its budget by it.
     */
    int requestsPerRefresh();

    /** The requests sent to the provider since start, retries included: what counts against its quota. */
    long requestsSent();

    /**
     * A stock split: from {@code effective} on (the first trading day at the new price), one share is {@code factor}
     * shares — 2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split.
     */
    record Split(LocalDate effective, BigDecimal factor) {}

    /**
     * A cash dividend: from {@code exDate} on (the first trading day without it), a share no longer carries {@code
     * amount}, paid per share as the shares were on {@code exDate} (a split effective after it divides the amount
     * per today's share by its factor).
     */
    record Dividend(LocalDate exDate, BigDecimal amount) {}
}
