package io.qnt9.srs.report;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The correlation matrix over HTTP: on the bundled real series against a computation straight from the CSV files,
 * and on tiny imported series whose correlations are ±1 by construction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrelationEndToEndTests {

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeAll
    void instruments() {
        http = new HttpTestClient(port);
        // returns +10 %, −10 %, +10 %: CORUP; the same returns on other levels: CORSAME; the opposite: CORDOWN
        String[][] files = {
            {"CORUP", "Date,Close\n2021-03-01,10\n2021-03-02,11\n2021-03-03,9.9\n2021-03-04,10.89\n"},
            {"CORSAME", "Date,Close\n2021-03-01,20\n2021-03-02,22\n2021-03-03,19.8\n2021-03-04,21.78\n"},
            {"CORDOWN", "Date,Close\n2021-03-01,5\n2021-03-02,4.5\n2021-03-03,4.95\n2021-03-04,4.455\n"},
        };
        HttpTestClient admin = TestAccounts.admin(port);
        for (String[] f : files) {
            Response r =
                    admin.post("/api/v1/instruments/" + f[0] + "/bars?mode=replace&name=" + f[0], "text/csv", f[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    /** Date → adjusted close (the close where the file has no adjusted column), read without the service's parser. */
    static TreeMap<LocalDate, Double> adjustedCloses(String file, LocalDate start, LocalDate end) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("data", file));
        List<String> header = List.of(lines.get(0)
                .toLowerCase(Locale.ROOT)
                .replace(" ", "")
                .replace("_", "")
                .split(","));
        int price = header.contains("adjclose") ? header.indexOf("adjclose") : header.indexOf("close");
        TreeMap<LocalDate, Double> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate d = LocalDate.parse(f[0]);
            if (!d.isBefore(start) && !d.isAfter(end)) {
                out.put(d, Double.parseDouble(f[price]));
            }
        }
        return out;
    }

    /** Pearson correlation of simple returns between consecutive common dates, the textbook way. */
    static double[] correlation(TreeMap<LocalDate, Double> a, TreeMap<LocalDate, Double> b) {
        List<LocalDate> common =
                a.keySet().stream().filter(b::containsKey).sorted().collect(Collectors.toList());
        int n = common.size() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a.get(common.get(i + 1)) / a.get(common.get(i)) - 1;
            y[i] = b.get(common.get(i + 1)) / b.get(common.get(i)) - 1;
        }
        double mx = IntStream.range(0, n).mapToDouble(i -> x[i]).sum() / n;
        double my = IntStream.range(0, n).mapToDouble(i -> y[i]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return new double[] {sxy / Math.sqrt(sxx * syy), n};
    }

    @Test
    void theMatrixOfRealSeriesIsThePairwiseCorrelationOfTheirDailyReturnsOnTheDatesEachPairShares() throws IOException {
        // the bundled histories: MSFT 2000-2001, GOOG 2004-2008, AAPL 2013-2018, each inside SPX's 2000-2020
        LocalDate start = LocalDate.of(2000, 1, 1);
        LocalDate end = LocalDate.of(2017, 12, 31);
        String[] symbols = {"GOOG", "MSFT", "SPX", "AAPL"};
        String[] files = {"goog.csv", "msft.csv", "spx.csv", "aapl.csv"};
        Response r = http.get("/api/v1/correlations?symbols=goog,MSFT,SPX,AAPL&end=" + end);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("symbols").toString()).isEqualTo("[\"GOOG\",\"MSFT\",\"SPX\",\"AAPL\"]");
        for (int i = 0; i < symbols.length; i++) {
            assertThat(body.at("/matrix/" + i + "/" + i).asDouble()).isEqualTo(1.0, within(1e-15));
            for (int j = 0; j < symbols.length; j++) {
                String pair = symbols[i] + "/" + symbols[j];
                if (i == j) {
                    continue;
                }
                if (i != 2 && j != 2) { // two stocks: their histories do not overlap
                    assertThat(body.at("/matrix/" + i + "/" + j).isNull())
                            .as(pair)
                            .isTrue();
                    assertThat(body.at("/commonReturns/" + i + "/" + j).asInt())
                            .as(pair)
                            .isZero();
                    continue;
                }
                double[] expected =
                        correlation(adjustedCloses(files[i], start, end), adjustedCloses(files[j], start, end));
                assertThat(body.at("/matrix/" + i + "/" + j).asDouble())
                        .as(pair)
                        .isEqualTo(expected[0], within(1e-12));
                assertThat(body.at("/commonReturns/" + i + "/" + j).asInt())
                        .as(pair)
                        .isEqualTo((int) expected[1]);
                // real large caps against the index: positively correlated, and markedly so
                assertThat(expected[0]).as(pair).isBetween(0.3, 0.95);
            }
        }
        assertThat(body.at("/coverage/3/first").asString()).isEqualTo("2013-05-13");
        assertThat(body.at("/coverage/3/last").asString()).isEqualTo("2017-12-29");
        assertThat(body.get("notice").asString())
                .isEqualTo("No correlation for GOOG/MSFT, GOOG/AAPL, MSFT/AAPL: fewer than 3 common dates in the"
                        + " range.");
    }

    @Test
    void sameReturnsCorrelateAtOneAndOppositeReturnsAtMinusOne() {
        JsonNode body =
                http.get("/api/v1/correlations?symbols=CORUP,CORSAME,CORDOWN").json();
        assertThat(body.at("/matrix/0/1").asDouble()).isEqualTo(1.0, within(1e-12));
        assertThat(body.at("/matrix/0/2").asDouble()).isEqualTo(-1.0, within(1e-12));
        assertThat(body.at("/matrix/1/2").asDouble()).isEqualTo(-1.0, within(1e-12));
        assertThat(body.at("/commonReturns/0/2").asInt()).isEqualTo(3);
    }

    @Test
    void badRequestsAreProblemsThatSayWhatIsWrong() {
        assertProblem(http.get("/api/v1/correlations?symbols=AAPL"), 400, "invalid-parameter");
        assertThat(http.get("/api/v1/correlations?symbols=AAPL")
                        .json()
                        .get("detail")
                        .asString())
                .contains("Give 2 to 20");
        String many = IntStream.range(0, 21).mapToObj(i -> "S" + i).collect(Collectors.joining(","));
        assertProblem(http.get("/api/v1/correlations?symbols=" + many), 400, "invalid-parameter");
        Response twice = http.get("/api/v1/correlations?symbols=AAPL,msft,aapl");
        assertProblem(twice, 400, "invalid-parameter");
        assertThat(twice.json().get("detail").asString()).isEqualTo("AAPL is listed twice.");
        assertProblem(http.get("/api/v1/correlations?symbols=AAPL,,MSFT"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/correlations?symbols=AAPL,NOPE"), 404, "unknown-instrument");
        assertProblem(
                http.get("/api/v1/correlations?symbols=AAPL,MSFT&start=2015-01-01&end=2014-01-01"),
                400,
                "invalid-parameter");
        Response few = http.get("/api/v1/correlations?symbols=AAPL,MSFT&start=2014-01-02&end=2014-01-03");
        assertProblem(few, 422, "insufficient-data");
        assertThat(few.json().get("detail").asString()).contains("A correlation needs at least 3 daily bars");
        assertProblem(http.get("/api/v1/correlations"), 400, "missing-parameter");
        assertProblem(http.get("/api/v1/correlations?symbols=AAPL,MSFT&strat=2014-01-01"), 400, "unknown-parameter");
    }
}
