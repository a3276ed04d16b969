package io.qnt9.srs.recommendation;

import io.qnt9.srs.marketdata.InstrumentKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every instrument's latest recommendation, computed in one parallel pass and kept until market data changes
 * ({@code version}).
 *
 * @param unrated instruments with too little history to rate
 * @param computeMs how long the pass took
 */
record Ranking(long version, List<Item> items, Map<String, Item> bySymbol, int unrated, long computeMs) {

    /** @param change1d the last bar's {@link io.qnt9.srs.marketdata.DailySeries#dayReturn}, null with a single bar */
    record Item(
            String symbol,
            String name,
            String sector,
            InstrumentKind kind,
            LocalDate asOf,
            Band band,
            double score,
            double confidence,
            double price,
            Double change1d) {}
}
