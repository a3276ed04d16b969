package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line import: {@code java -jar qnt9-srs.jar import --symbol=AAPL [--mode=append] [--name="…"]
 * file.csv}, {@code import --many file.csv} (file with a symbol column) or {@code import --instruments file.csv}.
 * Same validation and all-or-nothing rules as the HTTP import; exit code 0 on success, 1 when the file is
 * rejected, 2 for a usage error. Active only when started with the {@code import} command (no web server).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "qnt9.cli.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = "usage: import (--symbol=SYMBOL [--name=NAME] | --many | --instruments)"
            + " [--mode=reject|append|replace] FILE.csv";

    private final BarImporter importer;
    private final InstrumentCatalogue catalogue;
    private final PrintStream out;
    private int exitCode;

    ImportCommand(BarImporter importer, InstrumentCatalogue catalogue) {
        this.importer = importer;
        this.catalogue = catalogue;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> files = args.getNonOptionArgs().stream()
                .filter(a -> !a.equals("import"))
                .toList();
        String symbol = single(args, "symbol");
        boolean many = args.containsOption("many");
        boolean instruments = args.containsOption("instruments");
        ImportMode mode = ImportMode.parse(single(args, "mode"));
        int targets = (symbol != null ? 1 : 0) + (many ? 1 : 0) + (instruments ? 1 : 0);
        if (files.size() != 1 || targets != 1 || mode == null) {
            out.println(USAGE);
            exitCode = 2;
            return;
        }
        Path file = Path.of(files.get(0));
        String source = "cli:" + file.getFileName();
        try (InputStream in = Files.newInputStream(file)) {
            if (instruments) {
                var result = catalogue.importCsv(in, source, "cli");
                out.println("Imported " + result.rows() + " instruments: " + String.join(", ", result.symbols()));
                if (!result.ignoredColumns().isEmpty()) {
                    out.println("  ignored columns: " + String.join(", ", result.ignoredColumns()));
                }
            } else {
                String s = symbol == null ? null : Symbols.normalise(symbol);
                if (symbol != null && s == null) {
                    out.println("Not a ticker symbol: " + symbol);
                    exitCode = 2;
                    return;
                }
                ImportResult r =
                        importer.importBars(new BarImporter.Request(s, mode, source, "cli", single(args, "name")), in);
                out.printf(
                        "Imported %d rows for %s (%d new, %d updated, %d skipped), %s to %s, in %d ms%n",
                        r.rowsReceived(),
                        String.join(",", r.symbols()),
                        r.rowsInserted(),
                        r.rowsUpdated(),
                        r.rowsSkipped(),
                        r.firstDate(),
                        r.lastDate(),
                        r.durationMs());
                r.warnings().forEach(w -> out.println("  warning: " + w));
            }
        } catch (NoSuchFileException e) {
            out.println("No such file: " + file);
            exitCode = 2;
        } catch (IOException e) {
            out.println("Could not read " + file + ": " + e.getMessage());
            exitCode = 2;
        } catch (ApiException e) {
            out.println("Rejected: " + e.getBody().getDetail());
            Object errors = e.getBody().getProperties() == null
                    ? null
                    : e.getBody().getProperties().get("errors");
            if (errors instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof RowError re) {
                        out.println("  line " + re.line() + (re.column() == null ? "" : " [" + re.column() + "]")
                                + (re.value() == null ? "" : " '" + re.value() + "'") + ": " + re.message());
                    } else if (o instanceof Map<?, ?> m) {
                        out.println("  " + m);
                    }
                }
            }
            exitCode = 1;
        }
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
