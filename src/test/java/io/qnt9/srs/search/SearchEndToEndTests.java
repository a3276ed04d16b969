package io.qnt9.srs.search;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.TestAccounts;
import io.qnt9.srs.marketdata.MarketData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SearchEndToEndTests {

    @LocalServerPort
    int port;

    @Autowired
    MarketData marketData;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void searchFindsTheBundledInstrumentsByNameIsinAndWkn() {
        JsonNode r = http.get("/api/v1/search?query=apple").json();
        assertThat(r.get("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.at("/results/0/symbol").asString()).isEqualTo("AAPL");
        assertThat(r.at("/results/0/matchType").asString()).isEqualTo("NAME_PREFIX");
        assertThat(r.at("/results/0/isin").asString()).isEqualTo("US0378331005");
        assertThat(http.get("/api/v1/search?query=US5949181045")
                        .json()
                        .at("/results/0/symbol")
                        .asString())
                .isEqualTo("MSFT");
        assertThat(http.get("/api/v1/search?query=A0B7FY")
                        .json()
                        .get("queryType")
                        .asString())
                .isEqualTo("WKN");
        assertThat(http.get("/api/v1/search?query=alphabet")
                        .json()
                        .at("/results/0/symbol")
                        .asString())
                .isEqualTo("GOOG");
    }

    @Test
    void aWrongIsinCheckDigitIsFlaggedInTheAnswer() {
        JsonNode r = http.get("/api/v1/search?query=US0378331006").json();
        assertThat(r.get("isinCheckDigitInvalid").asBoolean()).isTrue();
        assertThat(r.get("notice").asString()).contains("check digit is wrong (expected 5)");
    }

    @Test
    void suggestionsFollowWhatIsTyped() {
        JsonNode s = http.get("/api/v1/search/suggest?q=micr").json();
        assertThat(s.get(0).get("symbol").asString()).isEqualTo("MSFT");
        assertThat(http.get("/api/v1/search/suggest?q=s").json().size()).isBetween(1, 8);
    }

    @Test
    void theIndexFollowsImportedInstruments() {
        assertThat(http.get("/api/v1/search?query=zebra").json().get("count").asInt())
                .isZero();
        long before = marketData.version();
        TestAccounts.admin(port)
                .post("/api/v1/instruments", "text/csv", "symbol,name\nZBRA,Zebra Technologies Corporation\n");
        assertThat(marketData.version()).isGreaterThan(before);
        assertThat(http.get("/api/v1/search?query=zebra")
                        .json()
                        .at("/results/0/symbol")
                        .asString())
                .isEqualTo("ZBRA");
    }

    @Test
    void badQueriesAndLimitsAre400() {
        assertProblem(http.get("/api/v1/search?query=%20%20"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/search"), 400, "missing-parameter");
        assertProblem(http.get("/api/v1/search?query=" + "a".repeat(101)), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/search?query=apple&limit=0"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/search?query=apple&limit=51"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/search?query=apple&limit=ten"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/search/suggest?q="), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/search/suggest?q=a&limit=21"), 400, "invalid-parameter");
        assertThat(http.get("/api/v1/search?query=%27%20OR%201%3D1%20--").status())
                .isEqualTo(200);
    }

    @Test
    void stockSearchAddsTheLastPriceDayChangeAndRecommendationBand() {
        JsonNode r = http.post("/api/v1/stock/search", "application/json", "{\"query\":\"AAPL\"}")
                .json();
        assertThat(r.get("queryType").asString()).isEqualTo("SYMBOL");
        JsonNode first = r.at("/results/0");
        assertThat(first.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(first.at("/report/asOf").asString()).isEqualTo("2018-05-11");
        assertThat(first.at("/report/lastPrice").asDouble()).isEqualTo(188.589996);
        // data/aapl.csv, 2018-05-10 and 2018-05-11 (ex-dividend): adjusted closes 189.309998 and 188.589996, so the
        // holder's day is −0.380 % (the quoted close fell 0.76 %), −0.72 in price.
        double dayReturn = 188.589996 / 189.309998 - 1;
        assertThat(first.at("/report/changePercent").asDouble())
                .isCloseTo(dayReturn * 100, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(first.at("/report/change").asDouble())
                .isCloseTo(188.589996 - 188.589996 / (1 + dayReturn), org.assertj.core.api.Assertions.within(1e-9))
                .isCloseTo(-0.72, org.assertj.core.api.Assertions.within(0.001));
        String band = http.get("/api/v1/instruments/AAPL/recommendation")
                .json()
                .get("band")
                .asString();
        assertThat(first.at("/report/band").asString()).isEqualTo(band);
    }

    @Test
    void stockSearchRejectsBadBodies() {
        assertProblem(http.post("/api/v1/stock/search", "application/json", "{}"), 400, "invalid-parameter");
        assertProblem(
                http.post("/api/v1/stock/search", "application/json", "{\"query\":\"\"}"), 400, "invalid-parameter");
        assertProblem(
                http.post("/api/v1/stock/search", "application/json", "{\"query\":\"a\",\"limit\":99}"),
                400,
                "invalid-parameter");
        assertProblem(
                http.post("/api/v1/stock/search", "application/json", "{\"query\":"), 400, "malformed-request-body");
        assertProblem(http.post("/api/v1/stock/search", "text/plain", "AAPL"), 415, "unsupported-media-type");
        assertProblem(
                http.post("/api/v1/stock/search", "application/json", "{\"query\":\"" + "x".repeat(101) + "\"}"),
                400,
                "invalid-parameter");
    }
}
