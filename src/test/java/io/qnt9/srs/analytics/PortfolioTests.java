package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.analytics.Portfolio.Rebalance;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked portfolios: every figure below is worked out in the comments from the prices. */
class PortfolioTests {

    static final double EPS = 1e-12;

    static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    static PriceSeries series(String[] dates, double... prices) {
        int[] days = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = day(dates[i]);
        }
        return new PriceSeries(days, prices);
    }

    static final String[] THREE_DAYS = {"2021-03-01", "2021-03-02", "2021-03-03"};
    // A gains 10 % a day; B is flat, then halves
    static final PriceSeries A = series(THREE_DAYS, 10, 11, 12.1);
    static final PriceSeries B = series(THREE_DAYS, 20, 20, 10);

    @Test
    void buyAndHoldKeepsTheUnitsBoughtOnTheFirstDay() {
        Portfolio.Result r = Portfolio.simulate(List.of(A, B), new double[] {0.5, 0.5}, Rebalance.NONE);
        // units: A 0.5 / 10 = 0.05, B 0.5 / 20 = 0.025; V = 0.05·A + 0.025·B
        assertThat(r.values()).containsExactly(new double[] {1, 1.05, 0.855}, within(EPS));
        // A: 0.05 · (12.1 − 10) = 0.105; B: 0.025 · (10 − 20) = −0.25; together 0.855 − 1
        assertThat(r.contributions()).containsExactly(new double[] {0.105, -0.25}, within(EPS));
        assertThat(r.holdingReturns()).containsExactly(new double[] {0.21, -0.5}, within(EPS));
        // 0.05 · 12.1 = 0.605 and 0.025 · 10 = 0.25 of 0.855
        assertThat(r.finalWeights()).containsExactly(new double[] {0.605 / 0.855, 0.25 / 0.855}, within(EPS));
        assertThat(r.rebalances()).isZero();
        assertThat(r.epochDays()).containsExactly(day("2021-03-01"), day("2021-03-02"), day("2021-03-03"));
    }

    @Test
    void dailyRebalancingCompoundsTheWeightedDailyReturns() {
        Portfolio.Result r = Portfolio.simulate(List.of(A, B), new double[] {0.5, 0.5}, Rebalance.DAILY);
        // day 2: 1 + 0.5·0.1 + 0.5·0 = 1.05; day 3: 1.05 · (1 + 0.5·0.1 + 0.5·(−0.5)) = 1.05 · 0.8 = 0.84
        assertThat(r.values()).containsExactly(new double[] {1, 1.05, 0.84}, within(EPS));
        // A: 0.05 · 1 on day 2, then 0.525 / 11 units · 1.1 = 0.0525; B: 0, then 0.525 / 20 units · (−10) = −0.2625
        assertThat(r.contributions()).containsExactly(new double[] {0.1025, -0.2625}, within(EPS));
        // reset at the close of day 2 only: the last day ends the simulation
        assertThat(r.rebalances()).isEqualTo(1);
        // 0.525 / 11 · 12.1 = 0.5775 and 0.525 / 20 · 10 = 0.2625 of 0.84
        assertThat(r.finalWeights()).containsExactly(new double[] {0.5775 / 0.84, 0.2625 / 0.84}, within(EPS));
    }

    @Test
    void monthlyRebalancingResetsTheWeightsAtTheLastCommonDateOfEachMonth() {
        String[] days = {"2021-01-28", "2021-01-29", "2021-02-01", "2021-02-02"};
        PriceSeries a = series(days, 10, 11, 11, 22);
        PriceSeries b = series(days, 10, 10, 5, 5);
        Portfolio.Result monthly = Portfolio.simulate(List.of(a, b), new double[] {0.5, 0.5}, Rebalance.MONTHLY);
        // January: 0.5 · 1.1 + 0.5 · 1 = 1.05, reset at the close of 29 January to 0.525 in each;
        // February: 0.525 · (11 / 11) + 0.525 · (5 / 10) = 0.7875, then 0.525 · (22 / 11) + 0.2625 = 1.3125
        assertThat(monthly.values()).containsExactly(new double[] {1, 1.05, 0.7875, 1.3125}, within(EPS));
        assertThat(monthly.rebalances()).isEqualTo(1);
        // January and February are one quarter, one year: buy and hold, 0.5 · A/10 + 0.5 · B/10
        for (Rebalance longer : new Rebalance[] {Rebalance.QUARTERLY, Rebalance.YEARLY, Rebalance.NONE}) {
            Portfolio.Result r = Portfolio.simulate(List.of(a, b), new double[] {0.5, 0.5}, longer);
            assertThat(r.values()).as(longer.name()).containsExactly(new double[] {1, 1.05, 0.8, 1.35}, within(EPS));
            assertThat(r.rebalances()).as(longer.name()).isZero();
        }
    }

    @Test
    void quarterlyAndYearlyPeriodsEndAtTheirLastCommonDate() {
        assertThat(Portfolio.rebalancesAt(Rebalance.QUARTERLY, day("2021-03-31"), day("2021-04-01")))
                .isTrue();
        assertThat(Portfolio.rebalancesAt(Rebalance.QUARTERLY, day("2021-02-26"), day("2021-03-01")))
                .isFalse();
        assertThat(Portfolio.rebalancesAt(Rebalance.YEARLY, day("2020-12-31"), day("2021-01-04")))
                .isTrue();
        assertThat(Portfolio.rebalancesAt(Rebalance.YEARLY, day("2021-06-30"), day("2021-07-01")))
                .isFalse();
        // a gap over a month end still ends the month: the last common date before it
        assertThat(Portfolio.rebalancesAt(Rebalance.MONTHLY, day("2021-01-20"), day("2021-02-03")))
                .isTrue();
    }

    @Test
    void onlyTheDatesEveryHoldingHasCount() {
        PriceSeries a = series(new String[] {"2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04"}, 10, 99, 11, 12);
        PriceSeries b = series(new String[] {"2021-03-01", "2021-03-03", "2021-03-04", "2021-03-05"}, 4, 5, 6, 99);
        Portfolio.Result r = Portfolio.simulate(List.of(a, b), new double[] {0.25, 0.75}, Rebalance.NONE);
        assertThat(r.epochDays()).containsExactly(day("2021-03-01"), day("2021-03-03"), day("2021-03-04"));
        // 0.25 · 11/10 + 0.75 · 5/4 = 0.275 + 0.9375; then 0.25 · 1.2 + 0.75 · 1.5 = 0.3 + 1.125
        assertThat(r.values()).containsExactly(new double[] {1, 1.2125, 1.425}, within(EPS));
        assertThat(Portfolio.commonDays(List.of(a, b, A))).containsExactly(day("2021-03-01"), day("2021-03-03"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> Portfolio.simulate(List.of(), new double[0], Rebalance.NONE))
                .hasMessageContaining("at least one holding");
        assertThatThrownBy(() -> Portfolio.simulate(List.of(A, B), new double[] {0.5}, Rebalance.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Portfolio.simulate(List.of(A, B), new double[] {0.6, 0.6}, Rebalance.NONE))
                .hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> Portfolio.simulate(List.of(A, B), new double[] {1.5, -0.5}, Rebalance.NONE))
                .hasMessageContaining("greater than 0");
        PriceSeries later = series(new String[] {"2022-01-03", "2022-01-04"}, 1, 2);
        assertThatThrownBy(() -> Portfolio.simulate(List.of(A, later), new double[] {0.5, 0.5}, Rebalance.NONE))
                .hasMessageContaining("share 0 dates");
    }
}
