package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForwardReturnsTests {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ForwardReturns.Summary f = ForwardReturns.summarize(5, new double[] {0.04, -0.02, 0.10, 0.01});
        assertThat(f.count()).isEqualTo(4);
        assertThat(f.average()).isCloseTo((0.04 - 0.02 + 0.10 + 0.01) / 4, within(1e-15));
        assertThat(f.median()).isCloseTo((0.01 + 0.04) / 2, within(1e-15));
        assertThat(ForwardReturns.summarize(5, new double[] {3, 1, 2}).median()).isEqualTo(2.0);
        ForwardReturns.Summary none = ForwardReturns.summarize(20, new double[0]);
        assertThat(none.count()).isZero();
        assertThat(none.average()).isNull();
        assertThat(none.median()).isNull();
    }

    @Test
    void onlyBarsOfTheRangeCountAndOnlyWindowsEndingInsideItAreAveraged() {
        // bars:          0    1    2    3    4    5    6
        double[] close = {100, 110, 121, 100, 120, 90, 99};
        int[] category = {1, 0, 1, -1, 0, 1, 0};
        ForwardReturns.Table t = ForwardReturns.table(close, category, 2, 1, 5, new int[] {1, 3});
        // in bars 1..5: category 0 at 1 and 4, category 1 at 2 and 5; bar 0 and bar 6 are outside
        assertThat(t.counts()).containsExactly(2, 2);
        // one bar ahead, ending by bar 5: category 0 from bars 1 (121/110) and 4 (90/120); category 1 from bar 2 only
        ForwardReturns.Summary zeroOne = t.summaries()[0][0];
        assertThat(zeroOne.horizon()).isEqualTo(1);
        assertThat(zeroOne.count()).isEqualTo(2);
        assertThat(zeroOne.average()).isCloseTo((121.0 / 110 - 1 + 90.0 / 120 - 1) / 2, within(1e-15));
        assertThat(t.summaries()[1][0].count()).isEqualTo(1);
        assertThat(t.summaries()[1][0].average()).isCloseTo(100.0 / 121 - 1, within(1e-15));
        // three bars ahead: only bars 1 and 2 have a window ending by bar 5
        assertThat(t.summaries()[0][1].average()).isCloseTo(120.0 / 110 - 1, within(1e-15));
        assertThat(t.summaries()[1][1].average()).isCloseTo(90.0 / 121 - 1, within(1e-15));

        assertThatThrownBy(() -> ForwardReturns.table(close, new int[6], 2, 0, 5, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ForwardReturns.table(close, category, 1, 0, 6, new int[] {1}))
                .hasMessageContaining("category 1 at bar 0");
        assertThatThrownBy(() -> ForwardReturns.table(close, category, 2, 0, 7, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
