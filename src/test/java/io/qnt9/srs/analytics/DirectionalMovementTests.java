package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DirectionalMovementTests {

    private static final double EPS = 1e-10;

    // bar:            0   1   2   3   4   5
    private static final double[] HIGH = {10, 12, 11, 13, 12, 14};
    private static final double[] LOW = {8, 9, 9, 10, 7, 9};
    private static final double[] CLOSE = {9, 11, 10, 12, 8, 13};

    @Test
    void adxFollowsWildersSumsWithTaLibsInitialisation() {
        DirectionalIndex out = DirectionalMovement.adx(HIGH, LOW, CLOSE, 2);
        // Directional movement and true range per bar (bar 0 has none):
        // bar 1: up 2, down -1 -> +DM 2;       TR max(3, 3, 0) = 3
        // bar 2: up -1, down 0 -> none;        TR max(2, 0, 2) = 2
        // bar 3: up 2, down -1 -> +DM 2;       TR max(3, 3, 0) = 3
        // bar 4: up -1, down 3 -> -DM 3;       TR max(5, 0, 5) = 5
        // bar 5: up 2, down -2 -> +DM 2;       TR max(5, 6, 1) = 6
        // Wilder sums start as plain sums over bars 1..period-1 = bar 1, then S = S - S/2 + x.
        double plus2 = 2 - 2 / 2.0 + 0;
        double minus2 = 0;
        double tr2 = 3 - 3 / 2.0 + 2;
        double plus3 = plus2 - plus2 / 2 + 2;
        double minus3 = 0;
        double tr3 = tr2 - tr2 / 2 + 3;
        double plus4 = plus3 - plus3 / 2 + 0;
        double minus4 = minus3 - minus3 / 2 + 3;
        double tr4 = tr3 - tr3 / 2 + 5;
        double plus5 = plus4 - plus4 / 2 + 2;
        double minus5 = minus4 - minus4 / 2 + 0;
        double tr5 = tr4 - tr4 / 2 + 6;
        double pdi2 = 100 * plus2 / tr2;
        double pdi3 = 100 * plus3 / tr3;
        double pdi4 = 100 * plus4 / tr4;
        double mdi4 = 100 * minus4 / tr4;
        double pdi5 = 100 * plus5 / tr5;
        double mdi5 = 100 * minus5 / tr5;
        double dx2 = 100 * Math.abs(pdi2 - 0) / (pdi2 + 0);
        double dx3 = 100 * Math.abs(pdi3 - 0) / (pdi3 + 0);
        double dx4 = 100 * Math.abs(pdi4 - mdi4) / (pdi4 + mdi4);
        double dx5 = 100 * Math.abs(pdi5 - mdi5) / (pdi5 + mdi5);
        double adx3 = (dx2 + dx3) / 2;
        double adx4 = (adx3 * (2 - 1) + dx4) / 2;
        double adx5 = (adx4 * (2 - 1) + dx5) / 2;

        assertThat(out.plusDi())
                .containsExactly(new double[] {Double.NaN, Double.NaN, pdi2, pdi3, pdi4, pdi5}, within(EPS));
        assertThat(out.minusDi()).containsExactly(new double[] {Double.NaN, Double.NaN, 0, 0, mdi4, mdi5}, within(EPS));
        assertThat(out.adx())
                .containsExactly(new double[] {Double.NaN, Double.NaN, Double.NaN, adx3, adx4, adx5}, within(EPS));
        assertThat(adx3).isEqualTo(100);
    }

    @Test
    void warmUpsAreThePeriodForDiAndTwicePeriodMinusOneForAdx() {
        assertThat(DirectionalMovement.diWarmup(14)).isEqualTo(14);
        assertThat(DirectionalMovement.adxWarmup(14)).isEqualTo(27);
        BundledCsv csv = BundledCsv.load("msft.csv");
        DirectionalIndex out = DirectionalMovement.adx(csv.high(), csv.low(), csv.close(), 14);
        Tolerance.assertWarmup("adx", out.adx(), 27);
        Tolerance.assertWarmup("+di", out.plusDi(), 14);
        Tolerance.assertWarmup("-di", out.minusDi(), 14);
    }

    @Test
    void constantPricesGiveZeroDirectionalIndicatorsAndZeroAdx() {
        double[] flat = new double[40];
        Arrays.fill(flat, 3);
        DirectionalIndex out = DirectionalMovement.adx(flat, flat, flat, 14);
        assertThat(Arrays.copyOfRange(out.plusDi(), 14, 40)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out.minusDi(), 14, 40)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out.adx(), 27, 40)).containsOnly(0);
    }

    @Test
    void undefinedDxCountsAsZeroInTheFirstAdxAverage() {
        // Inside bars first (no +DM or -DM, so +DI = -DI = 0 and DX is undefined), then one up move.
        double[] high = {10, 9, 8.5, 8, 9};
        double[] low = {5, 6, 6.5, 7, 7.5};
        double[] close = {7, 7, 7, 7.5, 8.5};
        DirectionalIndex out = DirectionalMovement.adx(high, low, close, 2);
        double adx3 = (0 + 0) / 2.0;
        double adx4 = (adx3 * (2 - 1) + 100) / 2; // bar 4: +DM only, so DX = 100
        assertThat(out.plusDi()[2]).isZero();
        assertThat(out.plusDi()[3]).isZero();
        assertThat(out.adx()[3]).isEqualTo(adx3);
        assertThat(out.adx()[4]).isCloseTo(adx4, within(EPS));
    }

    @Test
    void adxKeepsItsValueWhileDxIsUndefinedAsTaLibDoes() {
        // Period 1 resets the Wilder sums every bar, so the inside bar 2 has +DI = -DI = 0 and no DX:
        // ADX stays at 100 instead of dropping to 0.
        double[] high = {10, 11, 10.8};
        double[] low = {9, 10, 10.2};
        double[] close = {9.5, 10.5, 10.5};
        DirectionalIndex out = DirectionalMovement.adx(high, low, close, 1);
        assertThat(out.plusDi()).containsExactly(new double[] {Double.NaN, 100 / 1.5, 0}, within(EPS));
        assertThat(out.minusDi()).containsExactly(Double.NaN, 0, 0);
        assertThat(out.adx()).containsExactly(Double.NaN, 100, 100);
    }

    @Test
    void shortSeriesGiveAllNaNAndArgumentsAreChecked() {
        DirectionalIndex out = DirectionalMovement.adx(HIGH, LOW, CLOSE, 6);
        assertThat(out.adx()).containsOnly(Double.NaN);
        assertThat(out.plusDi()).containsOnly(Double.NaN);
        DirectionalIndex diOnly = DirectionalMovement.adx(HIGH, LOW, CLOSE, 4);
        assertThat(diOnly.adx()).containsOnly(Double.NaN);
        assertThat(diOnly.plusDi()[4]).isFinite();
        assertThatThrownBy(() -> DirectionalMovement.adx(HIGH, LOW, CLOSE, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> DirectionalMovement.adx(HIGH, LOW, CLOSE, 2, DirectionalIndex.allocate(2)))
                .hasMessage("out column must have length 6, got 2");
        DirectionalIndex target = DirectionalIndex.allocate(6);
        assertThat(DirectionalMovement.adx(HIGH, LOW, CLOSE, 2, target)).isSameAs(target);
    }
}
