package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.ProblemAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem type the code can produce is documented in docs/PROBLEMS.md, so clients can rely on it. */
class ProblemTypesDocumentedTests {

    /** A slug is the string right after an HTTP status argument, or a case arm of the error controller. */
    private static final Pattern SLUG = Pattern.compile(
            "(?:HttpStatus\\.[A-Z_]+|status|\\.status\\(\\)|code)\\s*,\\s*\"([a-z]+(?:-[a-z]+)*)\"|->\\s*\"([a-z]+(?:-[a-z]+)+)\"");

    @Test
    void everySlugInTheCodeHasARowInTheCatalogue() throws IOException {
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SLUG.matcher(Files.readString(p));
                while (m.find()) {
                    slugs.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(slugs)
                .contains(
                        "invalid-parameter",
                        "unknown-instrument",
                        "invalid-csv",
                        "provider-rate-limited",
                        "not-found",
                        "internal-error");
        slugs.forEach(ProblemAssertions::assertDocumented);
    }
}
