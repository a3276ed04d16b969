package io.qnt9.srs.marketdata;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Alpha Vantage's {@code TIME_SERIES_DAILY} (JSON). Alpha Vantage answers most failures with HTTP 200 and a body
 * that says what went wrong; this adapter maps each to a {@link ProviderException}: {@code "Error Message"} about
 * the API key → rejected key, other {@code "Error Message"} → unknown symbol, {@code "Note"} or {@code
 * "Information"} about call frequency or limits → rate limited (Retry-After 60 s; not retried, since the limit may
 * be per day), premium-only → rejected key. Timeouts, connection failures, 429 and 5xx are retried a bounded number
 * of times with exponential backoff. The API key never appears in a log line or an error.
 */
@Component
class AlphaVantageProvider implements MarketDataProvider {

    private static final Logger log = LoggerFactory.getLogger(AlphaVantageProvider.class);
    private static final String SERIES = "Time Series (Daily)";

    private final ProviderProperties properties;
    private final ObjectMapper json;
    /** Created on the first call: the provider is off by default, and a JDK HTTP client costs start-up time. */
    private volatile HttpClient client;

    AlphaVantageProvider(ProviderProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(properties.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public String name() {
        return "alphavantage";
    }

    boolean enabled() {
        return properties.enabled();
    }

    @Override
    public String dailyBarsCsv(String symbol, boolean full) {
        if (!enabled()) {
            throw new ProviderException(
                    ProviderException.Kind.DISABLED,
                    "No live provider is configured; set ALPHAVANTAGE_API_KEY to enable refreshes.");
        }
        URI uri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "")
                + "/query?function=TIME_SERIES_DAILY&datatype=json&outputsize=" + (full ? "full" : "compact")
                + "&symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(properties.apiKey(), StandardCharsets.UTF_8));
        String body = fetchWithRetries(uri, symbol);
        return toCsv(symbol, body);
    }

    private String fetchWithRetries(URI uri, String symbol) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        Duration backoff = properties.initialBackoff();
        String lastProblem = null;
        int attempts = Math.max(1, properties.maxAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                lastProblem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new ProviderException(
                            ProviderException.Kind.BAD_RESPONSE,
                            "Alpha Vantage answered HTTP " + status + " for " + symbol + ".");
                }
            } catch (HttpTimeoutException e) {
                lastProblem = "timed out after " + properties.readTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastProblem = "connection failed (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(
                        ProviderException.Kind.UNAVAILABLE, "Interrupted while calling Alpha Vantage.");
            }
            log.warn("Alpha Vantage call for {} failed (attempt {} of {}): {}", symbol, attempt, attempts, lastProblem);
            if (attempt < attempts) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new ProviderException(
                ProviderException.Kind.UNAVAILABLE,
                "Alpha Vantage did not answer usably for " + symbol + " after " + attempts + " attempts (last: "
                        + lastProblem + ").");
    }

    String toCsv(String symbol, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage sent a body that is not JSON for " + symbol + ".");
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE, "Alpha Vantage sent an unexpected answer for " + symbol + ".");
        }
        String error = text(root, "Error Message");
        if (error != null) {
            if (error.toLowerCase(Locale.ROOT).contains("apikey")) {
                throw new ProviderException(
                        ProviderException.Kind.REJECTED_KEY,
                        "Alpha Vantage rejected the API key (ALPHAVANTAGE_API_KEY).");
            }
            throw new ProviderException(
                    ProviderException.Kind.UNKNOWN_SYMBOL, "Alpha Vantage does not know the symbol " + symbol + ".");
        }
        String note = text(root, "Note") != null ? text(root, "Note") : text(root, "Information");
        if (note != null) {
            String n = note.toLowerCase(Locale.ROOT);
            // Rate-limit notes also link to the premium page, so only "premium endpoint" means "not entitled".
            if (n.contains("premium endpoint")) {
                throw new ProviderException(
                        ProviderException.Kind.REJECTED_KEY,
                        "Alpha Vantage says this call needs a premium plan: " + abbreviate(note));
            }
            throw new ProviderException(
                    ProviderException.Kind.RATE_LIMITED,
                    "Alpha Vantage's rate limit was reached; try again later. Provider said: " + abbreviate(note),
                    Duration.ofSeconds(60),
                    null);
        }
        JsonNode series = root.get(SERIES);
        if (series == null || !series.isObject() || series.isEmpty()) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE,
                    "Alpha Vantage's answer for " + symbol + " has no '" + SERIES + "'.");
        }
        Map<String, JsonNode> byDate = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : series.properties()) {
            byDate.put(e.getKey(), e.getValue());
        }
        StringBuilder csv = new StringBuilder(byDate.size() * 64);
        csv.append("date,open,high,low,close,volume\n");
        byDate.forEach((date, bar) -> csv.append(date)
                .append(',')
                .append(field(bar, "1. open"))
                .append(',')
                .append(field(bar, "2. high"))
                .append(',')
                .append(field(bar, "3. low"))
                .append(',')
                .append(field(bar, "4. close"))
                .append(',')
                .append(field(bar, "5. volume"))
                .append('\n'));
        return csv.toString();
    }

    /** A bar field as the provider wrote it; the importer validates it like any uploaded value. */
    private static String field(JsonNode bar, String name) {
        JsonNode v = bar.get(name);
        String s = v == null || v.isNull() ? "" : v.asString();
        if (s.indexOf(',') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('"') >= 0) {
            throw new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE, "Alpha Vantage sent a malformed value for '" + name + "'.");
        }
        return s;
    }

    private static String text(JsonNode root, String name) {
        JsonNode v = root.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
