package io.qnt9.srs.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTests {

    @Test
    void forwardReturnsOfASteadilyGrowingPriceAreTheGrowthOverTheHorizon() {
        double[] close = new double[100];
        Band[] bands = new Band[100];
        for (int t = 0; t < close.length; t++) {
            close[t] = 100 * Math.pow(1.01, t);
            bands[t] = t % 2 == 0 ? Band.BUY : Band.SELL;
        }
        List<Calibration.Row> table = Calibration.table(close, bands, 0, 99);
        Calibration.Row buy =
                table.stream().filter(r -> r.band() == Band.BUY).findFirst().orElseThrow();
        assertThat(buy.count()).isEqualTo(50);
        // 5 days ahead: days 0, 2, …, 94 have a full window (48 of them)
        assertThat(buy.forward().get(0).count()).isEqualTo(48);
        assertThat(buy.forward().get(0).average()).isCloseTo(Math.pow(1.01, 5) - 1, within(1e-12));
        assertThat(buy.forward().get(1).median()).isCloseTo(Math.pow(1.01, 20) - 1, within(1e-12));
        assertThat(buy.forward().get(2).horizonDays()).isEqualTo(60);
        assertThat(buy.forward().get(2).count()).isEqualTo(20); // days 0..38 even
        Calibration.Row hold =
                table.stream().filter(r -> r.band() == Band.HOLD).findFirst().orElseThrow();
        assertThat(hold.count()).isZero();
        assertThat(hold.forward().get(0).average()).isNull();
    }
}
