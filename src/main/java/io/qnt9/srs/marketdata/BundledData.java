package io.qnt9.srs.marketdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the real market history shipped in the jar ({@code data/*.csv}, credited in {@code data/SOURCES.md}) on
 * first start, through the same validation and import path as a user's upload. Idempotent: a file whose checksum
 * was already imported successfully is skipped, so a restart neither duplicates nor reloads; a changed file (new
 * release) replaces the stored bars for its dates. Instrument metadata is only inserted when the symbol is new, so
 * an operator's corrections survive restarts.
 */
@Component
@Order(0)
class BundledData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledData.class);
    static final String LOCATION = "bundled-data/";
    static final String CATALOGUE = LOCATION + "instruments.csv";

    private final InstrumentCatalogue catalogue;
    private final BarImporter importer;
    private final ImportRunRepository runs;

    BundledData(InstrumentCatalogue catalogue, BarImporter importer, ImportRunRepository runs) {
        this.catalogue = catalogue;
        this.importer = importer;
        this.runs = runs;
    }

    /** One bundled instrument: its metadata and the file with its bars. */
    record Item(Instrument instrument, String file) {}

    @Override
    public void run(ApplicationArguments args) {
        long t0 = System.nanoTime();
        List<Item> items = items();
        catalogue.insertMissing(items.stream().map(Item::instrument).toList());
        int loaded = 0;
        for (Item item : items) {
            byte[] bytes = read(LOCATION + item.file());
            String checksum = sha256(bytes);
            String source = "bundled:" + item.file();
            if (runs.lastSuccessfulChecksum(source).filter(checksum::equals).isPresent()) {
                continue;
            }
            importer.importBars(
                    new BarImporter.Request(item.instrument().symbol(), ImportMode.REPLACE, source, "system", null),
                    new java.io.ByteArrayInputStream(bytes),
                    checksum);
            loaded++;
        }
        if (loaded > 0) {
            log.info("Loaded {} bundled series in {} ms", loaded, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static List<Item> items() {
        String text = new String(read(CATALOGUE), StandardCharsets.UTF_8);
        List<Item> items = new ArrayList<>();
        InstrumentCsv.parse(
                text,
                row -> items.add(new Item(row.instrument(), row.extraColumns().get("file"))));
        return items;
    }

    static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled data file missing from the jar: " + path, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
