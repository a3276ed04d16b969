package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.SrsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code java -jar … import …}: the real application started without a web server, as the jar's main does. */
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandTests {

    private static final Path DATA_DIR = Path.of("target", "tmp", "cli-" + UUID.randomUUID());

    @AfterAll
    static void removeDataDir() throws IOException {
        if (Files.exists(DATA_DIR)) {
            try (Stream<Path> files = Files.walk(DATA_DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.deleteIfExists(DATA_DIR.resolveSibling(DATA_DIR.getFileName() + ".lock"));
    }

    private record Run(int exitCode, int bars) {}

    private static Run run(String symbolForCount, String... args) {
        String[] all = Stream.concat(
                        Stream.of("import"),
                        Stream.concat(
                                Stream.of(args),
                                Stream.of(
                                        "--qnt9.cli.command=import",
                                        "--qnt9.database.embedded.data-dir=" + DATA_DIR.toAbsolutePath(),
                                        "--qnt9.database.embedded.delete-on-exit=false")))
                .toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SrsApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run(all);
        int bars = ctx.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id WHERE i.symbol = ?")
                .param(symbolForCount)
                .query(Integer.class)
                .single();
        return new Run(SpringApplication.exit(ctx), bars);
    }

    private static Path csv(String content) throws IOException {
        Files.createDirectories(DATA_DIR.getParent());
        Path f = Files.createTempFile(DATA_DIR.getParent(), "import", ".csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void printsTheWarningsOfAnAcceptedImport(CapturedOutput out) throws IOException {
        // 2022-01-08 is a Saturday: valid, imported, and pointed out
        Path file = csv("date,close\n2022-01-07,10\n2022-01-08,10.1\n");
        Run r = run("CLIWARN", "--symbol=cliwarn", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.bars()).isEqualTo(2);
        assertThat(out.getOut())
                .contains("  warning: 1 bar falls on a Saturday or Sunday (first: CLIWARN 2022-01-08): stock exchanges"
                        + " do not trade then.");
    }

    @Test
    void importsAFileAndExitsWithZero(CapturedOutput out) throws IOException {
        Path file =
                csv("Date,Open,High,Low,Close,Volume\n2022-01-03,10,11,9,10.5,100\n2022-01-04,10.5,11,10,10.8,200\n");
        Run r = run("CLIOK", "--symbol=cliok", "--name=Cli Ok Inc.", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.bars()).isEqualTo(2);
        assertThat(out.getOut())
                .contains("Imported 2 rows for CLIOK (2 new, 0 updated, 0 skipped), 2022-01-03 to 2022-01-04");
    }

    @Test
    void aRejectedFileExitsWithOneListsTheErrorsAndWritesNothing(CapturedOutput out) throws IOException {
        Path file = csv("date,close\n2022-01-03,10\n2022-01-04,-1\n");
        Run r = run("CLIBAD", "--symbol=CLIBAD", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.bars()).isZero();
        assertThat(out.getOut())
                .contains("Rejected: Line 3, column close: Prices must be positive.")
                .contains("line 3 [close] '-1': Prices must be positive.");
    }

    @Test
    void aUsageErrorExitsWithTwo(CapturedOutput out) {
        Run r = run("NONE", "--symbol=A", "--many", "x.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(out.getOut()).contains(ImportCommand.USAGE);
    }
}
