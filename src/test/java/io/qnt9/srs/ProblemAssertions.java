package io.qnt9.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Checks an error response is RFC 9457 problem+json with a stable, documented type and no internals. */
public final class ProblemAssertions {

    public static final String TYPE_BASE = "https://qnt9.io/problems/";

    private ProblemAssertions() {}

    public static JsonNode assertProblem(Response r, int status, String slug) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode b = r.json();
        assertThat(b.get("type").asString()).isEqualTo(TYPE_BASE + slug);
        assertThat(b.get("status").asInt()).isEqualTo(status);
        assertThat(b.get("title").asString()).isNotBlank();
        assertThat(b.get("detail").asString()).isNotBlank();
        assertThat(r.body())
                .doesNotContain("Exception")
                .doesNotContain("at io.qnt9")
                .doesNotContain("SQL");
        assertDocumented(slug);
        return b;
    }

    /** {@link #assertProblem}, then the problem's {@code detail}. */
    public static String detailOf(Response r, int status, String slug) {
        return assertProblem(r, status, slug).get("detail").asString();
    }

    /** docs/PROBLEMS.md has a row for the type. */
    public static void assertDocumented(String slug) {
        try {
            assertThat(Files.readString(Path.of("docs", "PROBLEMS.md")))
                    .as("docs/PROBLEMS.md documents problem type '%s'", slug)
                    .contains("| `" + slug + "` |");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
