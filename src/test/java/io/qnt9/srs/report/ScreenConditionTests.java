package io.qnt9.srs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScreenConditionTests {

    @Test
    void aCrossingComparesTheBarWithTheOneBefore() {
        ScreenCondition up = ScreenCondition.parse("sma_50 CROSSES_ABOVE sma_200");
        assertThat(up.crossing()).isTrue();
        assertThat(up.canonical()).isEqualTo("sma_50 crosses_above sma_200");
        assertThat(up.left().column()).isEqualTo("sma_50");
        assertThat(up.right().spec().canonical()).isEqualTo("sma:200");
        // above now, not above before
        assertThat(up.holds(11, 10, 9, 10)).isTrue();
        assertThat(up.holds(11, 10, 10, 10)).as("from equal").isTrue();
        assertThat(up.holds(11, 10, 12, 10)).as("already above").isFalse();
        assertThat(up.holds(10, 10, 9, 10)).as("only up to it").isFalse();
        assertThat(up.holds(11, 10, Double.NaN, 10)).as("no bar before").isFalse();

        ScreenCondition down = ScreenCondition.parse("  close crosses_below 100 ");
        assertThat(down.canonical()).isEqualTo("close crosses_below 100");
        assertThat(down.holds(99, 100, 101, 100)).isTrue();
        assertThat(down.holds(99, 100, 99.5, 100)).isFalse();
    }

    @Test
    void aComparisonIgnoresTheBarBefore() {
        ScreenCondition c = ScreenCondition.parse("rsi_14<30");
        assertThat(c.crossing()).isFalse();
        assertThat(c.holds(25, 30, Double.NaN, Double.NaN)).isTrue();
        assertThat(c.holds(30, 30, 10, 30)).isFalse();
    }

    @Test
    void aWordThatIsNoOperatorIsExplained() {
        assertThatThrownBy(() -> ScreenCondition.parse("sma_50 crosses sma_200"))
                .hasMessageContaining("crosses_above");
        assertThatThrownBy(() -> ScreenCondition.parse("10 crosses_above 20")).hasMessageContaining("two numbers");
        assertThatThrownBy(() -> ScreenCondition.parse("sma_50crosses_abovesma_200"))
                .isInstanceOf(ScreenCondition.InvalidConditionException.class);
    }
}
