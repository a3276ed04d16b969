package io.qnt9.srs.search;

import io.qnt9.srs.marketdata.InstrumentListing;
import io.qnt9.srs.marketdata.MarketData;
import java.util.List;
import org.springframework.stereotype.Service;

/** Searches the instrument directory; the index follows market-data changes by comparing versions. */
@Service
public class InstrumentSearch {

    private final MarketData marketData;
    private volatile SearchIndex index;

    InstrumentSearch(MarketData marketData) {
        this.marketData = marketData;
    }

    SearchIndex.Result search(String query, int limit) {
        return index().search(query, limit);
    }

    private SearchIndex index() {
        long version = marketData.version();
        SearchIndex i = index;
        if (i == null || i.version != version) {
            List<InstrumentListing> listings = marketData.instruments();
            i = new SearchIndex(
                    listings.stream().map(InstrumentListing::instrument).toList(), version);
            index = i;
        }
        return i;
    }
}
