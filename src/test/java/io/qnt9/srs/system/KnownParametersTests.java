package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suggestion of {@link KnownParameters}: hand-counted edit distances. */
class KnownParametersTests {

    private static final Set<String> STATISTICS =
            new LinkedHashSet<>(List.of("start", "end", "benchmark", "riskFreeRate", "window", "includeReturns"));

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwapsOfNeighbours() {
        assertThat(KnownParameters.distance("start", "start", 2)).isZero();
        assertThat(KnownParameters.distance("strat", "start", 2)).isEqualTo(1); // "ar" swapped
        assertThat(KnownParameters.distance("stat", "start", 2)).isEqualTo(1); // an 'r' left out
        assertThat(KnownParameters.distance("starts", "start", 2)).isEqualTo(1); // an 's' too many
        assertThat(KnownParameters.distance("stort", "start", 2)).isEqualTo(1); // 'a' -> 'o'
        assertThat(KnownParameters.distance("edn", "end", 2)).isEqualTo(1);
        assertThat(KnownParameters.distance("benchmrk", "benchmark", 2)).isEqualTo(1);
        assertThat(KnownParameters.distance("windwo", "window", 2)).isEqualTo(1);
        assertThat(KnownParameters.distance("sart", "start", 2)).isEqualTo(1);
        assertThat(KnownParameters.distance("tsart", "start", 2)).isEqualTo(1);
        assertThat(KnownParameters.distance("strt", "start", 2)).isEqualTo(1);
        assertThat(KnownParameters.distance("sttr", "start", 2)).isEqualTo(2); // 't' for 'a', then a 't' added
        // beyond the limit: limit + 1, also when the lengths alone say so
        assertThat(KnownParameters.distance("apikey", "start", 2)).isEqualTo(3);
        assertThat(KnownParameters.distance("s", "start", 2)).isEqualTo(3);
    }

    @Test
    void suggestsTheSameNameIgnoringCaseFirstThenTheNearestWithinTwoEdits() {
        assertThat(KnownParameters.closest("riskfreerate", STATISTICS)).isEqualTo("riskFreeRate");
        assertThat(KnownParameters.closest("RISKFREERATE", STATISTICS)).isEqualTo("riskFreeRate");
        assertThat(KnownParameters.closest("riskFree", STATISTICS)).isNull(); // four letters short
        assertThat(KnownParameters.closest("strat", STATISTICS)).isEqualTo("start");
        assertThat(KnownParameters.closest("bench_mark", STATISTICS)).isEqualTo("benchmark");
        assertThat(KnownParameters.closest("apikey", STATISTICS)).isNull();
        // One edit, but one that replaces the whole name, is no suggestion; one that keeps part of it is.
        assertThat(KnownParameters.closest("x", Set.of("q"))).isNull();
        assertThat(KnownParameters.closest("en", STATISTICS)).isEqualTo("end");
    }

    @Test
    void theDetailNamesTheParameterTheSuggestionAndWhatTheEndpointTakes() {
        ApiException e = KnownParameters.unknown("GET", "/api/v1/instruments/AAPL/statistics", "strat", STATISTICS);
        assertThat(e.getStatusCode().value()).isEqualTo(400);
        assertThat(e.getBody().getDetail())
                .isEqualTo("Unknown query parameter 'strat'. Did you mean 'start'? GET"
                        + " /api/v1/instruments/AAPL/statistics takes: start, end, benchmark, riskFreeRate, window,"
                        + " includeReturns.");
        assertThat(e.getBody().getProperties()).containsEntry("parameter", "strat");
        ApiException none = KnownParameters.unknown("GET", "/health", "x".repeat(100), Set.of());
        assertThat(none.getBody().getDetail())
                .isEqualTo("Unknown query parameter '" + "x".repeat(40) + "…'. GET /health takes no query"
                        + " parameters.");
    }
}
