package io.qnt9.srs.marketdata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qnt9.srs.system.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes instruments from the live provider: one on an admin's request ({@link #refresh}), and all of them on a
 * schedule ({@code PROVIDER_REFRESH_CRON}): off unless the cron expression and the provider's key are both set. Each
 * scheduled run takes the stalest instruments first (up to
 * {@code maxSymbols}, indices excluded: the provider has no index series), fetches their latest bars — the whole
 * history when the last stored bar is older than {@code fullHistoryAfter}, so that no gap is left, or when a split or a
 * dividend came after it (see {@link #refresh}) — and imports them
 * with mode=append through the same validation as an upload. A run sends at most {@code maxRequests} requests: it
 * begins an instrument only when the requests of a refresh ({@link MarketDataProvider#requestsPerRefresh}) still fit,
 * so the default run stays within a free key's daily quota instead of ending on the provider's refusal. The provider's
 * rate limit, or the budget, ends the run (the next run goes on where it stopped, the stalest first); an unknown
 * symbol or an unusable answer skips that instrument. One replica runs at a time (a PostgreSQL advisory lock); the
 * others skip the run.
 */
@Component
class ProviderRefresh {

    private static final Logger log = LoggerFactory.getLogger(ProviderRefresh.class);
    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final long LOCK = 7_190_002L;
    // Outcomes of a run, the tag of qnt9_provider_refresh_runs_total.
    static final String COMPLETED = "completed";
    static final String RATE_LIMITED = "rate_limited";
    static final String FAILED = "failed";

    private final MarketDataProvider provider;
    private final ProviderProperties providerProperties;
    private final ProviderRefreshProperties settings;
    private final BarImporter importer;
    private final MarketData marketData;
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Counter> runs = new HashMap<>();

    ProviderRefresh(
            MarketDataProvider provider,
            ProviderProperties providerProperties,
            ProviderRefreshProperties settings,
            BarImporter importer,
            MarketData marketData,
            DataSource dataSource,
            Clock clock,
            MeterRegistry meters) {
        this.provider = provider;
        this.providerProperties = providerProperties;
        this.settings = settings;
        this.importer = importer;
        this.marketData = marketData;
        this.dataSource = dataSource;
        this.clock = clock;
        // Registered up front, at 0: an alert on increase() sees the first failed run.
        for (String outcome : List.of(COMPLETED, RATE_LIMITED, FAILED)) {
            runs.put(
                    outcome,
                    Counter.builder("qnt9.provider.refresh.runs")
                            .description("Scheduled provider refresh runs, by how they ended")
                            .tag("outcome", outcome)
                            .register(meters));
        }
        // Every request sent, retries, admin refreshes and scheduled runs alike: what the provider's quota counts.
        FunctionCounter.builder("qnt9.provider.requests", provider, MarketDataProvider::requestsSent)
                .description("Requests sent to the live market-data provider, retries included")
                .tag("provider", provider.name())
                .register(meters);
        if (!"-".equals(settings.cron()) && !providerProperties.enabled()) {
            log.warn("PROVIDER_REFRESH_CRON is set but ALPHAVANTAGE_API_KEY is not: no scheduled refresh will run");
        } else if (!"-".equals(settings.cron()) && settings.maxRequests() < provider.requestsPerRefresh()) {
            log.warn(
                    "PROVIDER_REFRESH_MAX_REQUESTS={} is below the {} requests of one refresh: scheduled runs will"
                            + " refresh nothing",
                    settings.maxRequests(),
                    provider.requestsPerRefresh());
        }
    }

    /**
     * What a run did: the instruments imported (with the rows they added), those skipped with the reason, and
     * what ended it early (the provider's rate limit, its key refused, the provider unreachable), or null.
     */
    record Summary(boolean ran, List<String> refreshed, List<String> skipped, String stoppedBy) {

        static final Summary NOT_RUN = new Summary(false, List.of(), List.of(), null);
    }

    @Scheduled(cron = "${qnt9.provider.refresh.cron:-}", zone = "UTC")
    void onSchedule() {
        if (providerProperties.enabled()) {
            refreshAll();
        }
    }

    /** One run, if no other replica is running one. */
    Summary refreshAll() {
        try (Connection c = dataSource.getConnection()) {
            if (!advisoryLock(c, "pg_try_advisory_lock")) {
                log.info("Scheduled refresh skipped: another replica is running one");
                return Summary.NOT_RUN;
            }
            try {
                return run();
            } finally {
                advisoryLock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            log.warn("Scheduled refresh skipped: the database is not available ({})", e.getMessage());
            return Summary.NOT_RUN;
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + function + "(" + LOCK + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private Summary run() {
        LocalDate today = LocalDate.now(clock);
        List<InstrumentListing> due = marketData.instruments().stream()
                .filter(l -> l.instrument().kind() != InstrumentKind.INDEX)
                .filter(l -> l.lastDate() == null || l.lastDate().isBefore(today))
                .sorted(Comparator.comparing(
                        InstrumentListing::lastDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(Math.max(0, settings.maxSymbols()))
                .toList();
        List<String> refreshed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String stoppedBy = null;
        boolean rateLimited = false;
        boolean budgetSpent = false;
        int perRefresh = provider.requestsPerRefresh();
        long sentBefore = provider.requestsSent();
        for (int k = 0; k < due.size(); k++) {
            // The requests sent so far (retries and other callers' refreshes included: the provider's quota counts
            // them all) against the run's budget; an instrument is begun only when its requests fit.
            long left = settings.maxRequests() - (provider.requestsSent() - sentBefore);
            if (left < perRefresh) {
                stoppedBy = "the run's request budget (PROVIDER_REFRESH_MAX_REQUESTS=" + settings.maxRequests()
                        + ", " + perRefresh + " per instrument) is spent; " + (due.size() - k)
                        + " instrument(s) left for the next run";
                budgetSpent = true;
                break;
            }
            if (k > 0 && !pause()) {
                stoppedBy = "shutdown";
                break;
            }
            String symbol = due.get(k).instrument().symbol();
            try {
                ImportResult r = refresh(symbol, null, ImportMode.APPEND, "scheduler");
                refreshed.add(symbol + " +" + r.rowsInserted());
                r.warnings().forEach(w -> log.warn("Scheduled refresh of {}: {}", symbol, w));
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.UNKNOWN_SYMBOL
                        || e.kind() == ProviderException.Kind.BAD_RESPONSE) {
                    skipped.add(symbol + " (" + e.getBody().getDetail() + ")");
                    continue;
                }
                // Rate limit, refused key, provider down: every further call would fail the same way.
                stoppedBy = e.getBody().getTitle() + ": " + e.getBody().getDetail();
                rateLimited = e.kind() == ProviderException.Kind.RATE_LIMITED;
                break;
            } catch (ApiException e) {
                skipped.add(symbol + " (" + e.getBody().getDetail() + ")"); // the import refused the provider's data
            } catch (RuntimeException e) {
                // The database went away, or a bug: end the run as failed (counted, alerted), not silently.
                log.error("Scheduled refresh of {} failed", symbol, e);
                stoppedBy = "unexpected error on " + symbol + ": " + e;
                break;
            }
        }
        Summary summary = new Summary(true, refreshed, skipped, stoppedBy);
        audit.info(
                "event=provider-refresh by=scheduler refreshed={} skipped={} stopped={}",
                refreshed.size(),
                skipped.size(),
                stoppedBy != null);
        // The provider's daily budget ending a run is expected; a refused key or a provider down needs someone.
        boolean needsAttention = stoppedBy != null && !rateLimited && !budgetSpent && !"shutdown".equals(stoppedBy);
        String message = "Scheduled refresh: {} refreshed {}, {} skipped {}{}";
        Object[] arguments = {
            refreshed.size(),
            refreshed,
            skipped.size(),
            skipped,
            stoppedBy == null ? "" : "; stopped early: " + stoppedBy
        };
        runs.get(needsAttention ? FAILED : rateLimited ? RATE_LIMITED : COMPLETED)
                .increment();
        if (needsAttention) {
            log.warn(message, arguments);
        } else {
            log.info(message, arguments);
        }
        return summary;
    }

    /**
     * Fetches one instrument's bars from the provider and imports them with the upload's validation.
     *
     * <p>The provider's bars are adjusted for every split it knows of, so bars stored before a split that took effect
     * after the last stored bar are in the old shares. The split list is asked first: with such a split, {@link
     * ImportMode#APPEND} and {@link ImportMode#REPLACE} fetch the whole history (whatever {@code full} says) and
     * import it with {@link ImportMode#REPLACE}, so that every stored bar is adjusted too (the result's warnings say
     * so); {@link ImportMode#REJECT} refuses with a 409 that says what to do, before the bars are fetched. A split
     * listed ahead of its day (effective after today) is left out until that day, with a warning: no bar is in the
     * new shares yet.
     *
     * <p>Their adjusted closes account for every dividend that went ex by the last bar fetched, so a dividend going
     * ex after the last stored bar (and not after today: one declared ahead changes nothing until its ex-date) leaves
     * the adjusted close of every stored bar too high, exactly as a split leaves them in the old shares. The dividend
     * list is asked next and such a dividend is treated the same way: the whole history replaces the stored bars
     * (a warning names the dividend), or, with {@link ImportMode#REJECT}, a 409 before the bars are fetched.
     *
     * <p>A refresh costs three provider requests (one fewer for each of splits and dividends switched off; one for a
     * refusal over a split, two over a dividend), never a second fetch of bars.
     *
     * @param full the whole history or the latest ~100 days; null: the whole history when the instrument has no bars
     *     or its last bar is older than {@code fullHistoryAfter} ({@link ProviderRefreshProperties#wantsFullHistory})
     * @throws ProviderException when the provider fails; the importer's problems when it refuses the data
     */
    ImportResult refresh(String symbol, Boolean full, ImportMode mode, String requestedBy) {
        LocalDate lastStored =
                marketData.listing(symbol).map(InstrumentListing::lastDate).orElse(null);
        LocalDate today = LocalDate.now(clock);
        boolean whole = full != null ? full : settings.wantsFullHistory(lastStored, today);
        // A split announced for a later day (the provider may list it ahead) applies to no bar yet: adjusting for it
        // now would divide every price by its factor, and it would be "after the last stored bar" at every refresh.
        Map<Boolean, List<MarketDataProvider.Split>> ahead = provider.splits(symbol).stream()
                .collect(Collectors.partitioningBy(s -> s.effective().isAfter(today)));
        List<MarketDataProvider.Split> splits = ahead.get(false);
        List<MarketDataProvider.Split> announced = ahead.get(true);
        MarketDataProvider.Split split = lastStored == null
                ? null
                : splits.stream()
                        .filter(s -> s.effective().isAfter(lastStored))
                        .findFirst()
                        .orElse(null);
        String afterStored = ", after the last stored bar of " + symbol + " (" + lastStored + ")";
        String splitWhat = split == null
                ? null
                : "a split (factor " + split.factor().stripTrailingZeros().toPlainString() + ") took effect on "
                        + split.effective();
        if (split != null && mode == ImportMode.REJECT) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "split-after-stored-bars",
                            "Stored bars predate a split",
                            "According to " + provider.name() + ", " + splitWhat + afterStored + ": the stored bars"
                                    + " are in the shares before it. Nothing was imported. Refresh with"
                                    + " full=true&mode=replace to store the whole history adjusted for it.")
                    .with("splitEffective", split.effective().toString())
                    .with("lastStored", lastStored.toString());
        }
        List<MarketDataProvider.Dividend> dividends = provider.dividends(symbol);
        MarketDataProvider.Dividend dividend = lastStored == null
                ? null
                : dividends.stream()
                        .filter(d ->
                                d.exDate().isAfter(lastStored) && !d.exDate().isAfter(today))
                        .findFirst()
                        .orElse(null);
        String dividendWhat = dividend == null
                ? null
                : "a dividend of " + dividend.amount().stripTrailingZeros().toPlainString() + " per share went ex on "
                        + dividend.exDate();
        if (dividend != null && mode == ImportMode.REJECT) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "dividend-after-stored-bars",
                            "Stored bars predate a dividend",
                            "According to " + provider.name() + ", " + dividendWhat + afterStored + ": the adjusted"
                                    + " closes of the stored bars do not account for it. Nothing was imported."
                                    + " Refresh with full=true&mode=replace to store the whole history adjusted for"
                                    + " it.")
                    .with("exDividendDate", dividend.exDate().toString())
                    .with("lastStored", lastStored.toString());
        }
        String note = null;
        if (split != null || dividend != null) {
            whole = true;
            mode = ImportMode.REPLACE;
            String what =
                    split == null ? dividendWhat : dividend == null ? splitWhat : splitWhat + " and " + dividendWhat;
            String why = split == null
                    ? "so that their adjusted closes account for it"
                    : dividend == null ? "so that they are adjusted for it" : "so that they are adjusted for both";
            note = "According to " + provider.name() + ", " + what + afterStored + ": the whole history was fetched and"
                    + " replaced the stored bars, " + why + ".";
        }
        String csv = provider.dailyBars(symbol, whole, splits, dividends);
        ImportResult result = importer.importBars(
                new BarImporter.Request(symbol, mode, "provider:" + provider.name(), requestedBy, null),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII)));
        if (dividend != null && result.lastDate() != null && result.lastDate().isBefore(dividend.exDate())) {
            // Gone ex by the calendar, but the provider has no bar of that day yet: nothing to adjust until it does.
            note += " The provider has no bar from " + dividend.exDate() + " on yet, so the adjusted closes do not"
                    + " account for that dividend yet; a refresh once it does will.";
        }
        if (note != null) {
            result = result.withWarning(note);
        }
        for (MarketDataProvider.Split s : announced) {
            result = result.withWarning("According to " + provider.name() + ", a split (factor "
                    + s.factor().stripTrailingZeros().toPlainString() + ") takes effect on " + s.effective()
                    + ", after today: the bars are not adjusted for it yet; a refresh from that day on will fetch the"
                    + " whole history adjusted for it.");
        }
        return result;
    }

    /** Waits between two provider calls; false when interrupted (shutting down). */
    private boolean pause() {
        try {
            Thread.sleep(settings.pause().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
