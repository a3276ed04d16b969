package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative comparison with an absolute floor for values near zero, and the NaN warm-up layout. */
final class Tolerance {

    private Tolerance() {}

    static boolean close(double actual, double expected, double relative, double absolute) {
        return Math.abs(actual - expected) <= Math.max(relative * Math.abs(expected), absolute);
    }

    static void assertClose(String what, double actual, double expected, double relative, double absolute) {
        assertThat(close(actual, expected, relative, absolute))
                .as("%s: actual %s, expected %s (rel %s, abs %s)", what, actual, expected, relative, absolute)
                .isTrue();
    }

    /** Every index from {@code from} on must agree. */
    static void assertSeriesClose(
            String what, double[] actual, double[] expected, int from, double relative, double absolute) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        assertThat(from).as(what + " compares at least one value").isLessThan(actual.length);
        for (int i = from; i < actual.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], expected[i], relative, absolute);
        }
    }

    /** NaN strictly before {@code warmup}, finite from it on. */
    static void assertWarmup(String what, double[] values, int warmup) {
        for (int i = 0; i < values.length; i++) {
            if (i < warmup) {
                assertThat(values[i])
                        .as("%s[%d] during warm-up %d", what, i, warmup)
                        .isNaN();
            } else {
                assertThat(Double.isFinite(values[i]))
                        .as("%s[%d] = %s after warm-up %d", what, i, values[i], warmup)
                        .isTrue();
            }
        }
    }
}
