package io.qnt9.srs.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qnt9.srs.system.ApiException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WatchlistTextTests {

    @Test
    void targetPricesAreKeptToSixDecimalsRoundingHalfUp() {
        assertThat(WatchlistText.targetPrice(new BigDecimal("60.5"))).isEqualByComparingTo("60.5");
        assertThat(WatchlistText.targetPrice(new BigDecimal("1.23456789"))).isEqualByComparingTo("1.234568");
        assertThat(WatchlistText.targetPrice(new BigDecimal("0.0000005"))).isEqualByComparingTo("0.000001");
        assertThat(WatchlistText.targetPrice(null)).isNull();
    }

    @Test
    void aPositiveTargetThatRoundsToZeroSaysSoRatherThanCallingItNotPositive() {
        assertThatThrownBy(() -> WatchlistText.targetPrice(new BigDecimal("0.0000001")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(
                        "'targetPrice' rounds to 0 at the 6 decimals prices are kept to; the smallest target is"
                                + " 0.000001.");
        assertThatThrownBy(() -> WatchlistText.targetPrice(BigDecimal.ZERO))
                .hasMessageContaining("'targetPrice' must be greater than 0.");
        assertThatThrownBy(() -> WatchlistText.targetPrice(new BigDecimal("1e12").add(BigDecimal.ONE)))
                .hasMessageContaining("'targetPrice' must be at most 999999999999.");
    }
}
