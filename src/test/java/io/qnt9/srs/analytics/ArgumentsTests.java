package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The branch-free validation scans: every bad value is found whatever its position (first, middle, last; inside the
 * vectorised main loop and in its scalar tail), and the extreme good values pass.
 */
class ArgumentsTests {

    private static final double[] NON_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static double[] ones(int length) {
        double[] values = new double[length];
        Arrays.fill(values, 1.0);
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 16, 37, 100, 2_520})
    void finiteRejectsNaNAndInfinitiesAtAnyPosition(int length) {
        for (double bad : NON_FINITE) {
            for (int at : new int[] {0, length / 2, length - 1}) {
                double[] values = ones(length);
                values[at] = bad;
                assertThatThrownBy(() -> Arguments.finite("values", values))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("values[" + at + "] is " + bad
                                + ": inputs must be finite (leave a missing day out instead of using NaN)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 37, 2_520})
    void finiteAcceptsEveryFiniteValue(int length) {
        double[] values = ones(length);
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, 0.0, -0.0};
        for (int i = 0; i < length; i++) {
            values[i] = extremes[i % extremes.length];
        }
        assertThatCode(() -> Arguments.finite("values", values)).doesNotThrowAnyException();
        assertThatCode(() -> Arguments.closes(values)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 16, 37, 100, 2_520})
    void positiveRejectsZerosNegativesAndNonFiniteValuesAtAnyPosition(int length) {
        double[] bads = {
            0.0,
            -0.0,
            -Double.MIN_VALUE,
            -1,
            -Double.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double bad : bads) {
            for (int at : new int[] {0, length / 2, length - 1}) {
                double[] values = ones(length);
                values[at] = bad;
                assertThatThrownBy(() -> Arguments.positive("prices", values))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("prices[" + at + "] is " + bad + ": values must be finite and greater than 0");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 37, 2_520})
    void positiveAcceptsTheSmallestAndLargestPositiveValues(int length) {
        double[] values = ones(length);
        double[] extremes = {Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1, 1e300, Double.MAX_VALUE};
        for (int i = 0; i < length; i++) {
            values[i] = extremes[i % extremes.length];
        }
        assertThatCode(() -> Arguments.positive("prices", values)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 16, 37, 100, 2_520})
    void nonNegativeRejectsANegativeVolumeAtAnyPosition(int length) {
        for (long bad : new long[] {-1, Long.MIN_VALUE}) {
            for (int at : new int[] {0, length / 2, length - 1}) {
                long[] volumes = new long[length];
                Arrays.fill(volumes, Long.MAX_VALUE);
                volumes[at] = bad;
                assertThatThrownBy(() -> Arguments.nonNegative("volume", volumes))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("volume[" + at + "] is " + bad + ": volumes must not be negative");
            }
        }
        long[] good = new long[length];
        Arrays.fill(good, Long.MAX_VALUE);
        good[0] = 0;
        assertThatCode(() -> Arguments.nonNegative("volume", good)).doesNotThrowAnyException();
    }
}
