package io.qnt9.srs.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An admin refresh through the real application, with the provider played by a local WireMock stub. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProviderRefreshEndToEndTests {

    static final WireMockServer STUB =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        STUB.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("qnt9.provider.alphavantage.base-url", STUB::baseUrl);
        registry.add("qnt9.provider.alphavantage.api-key", () -> "e2e-key");
        registry.add("qnt9.provider.alphavantage.initial-backoff", () -> "10ms");
    }

    @AfterAll
    static void stop() {
        STUB.stop();
    }

    @LocalServerPort
    int port;

    private void answer(String symbol, String file) throws Exception {
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("symbol", equalTo(symbol))
                .willReturn(okJson(AlphaVantageProviderTests.body(file))));
    }

    @Test
    void aRefreshStoresTheProvidersBarsThroughTheImporter() throws Exception {
        answer("IBM", "daily-ibm-compact.json");
        HttpTestClient http = TestAccounts.admin(port);
        Response r = http.post("/api/v1/instruments/IBM/refresh", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(3);
        assertThat(r.json().get("createdInstruments").get(0).asString()).isEqualTo("IBM");
        var bars = http.get("/api/v1/instruments/IBM/bars").json().get("bars");
        assertThat(bars.get(2).get("close").asDouble()).isEqualTo(169.03);
        assertThat(bars.get(2).get("volume").asLong()).isEqualTo(2_956_727L);

        Response again = http.post("/api/v1/instruments/IBM/refresh", null, "");
        assertThat(again.json().get("rowsSkipped").asInt())
                .as("append mode keeps stored dates")
                .isEqualTo(3);
    }

    @Test
    void providerDataThatFailsValidationIsRejectedLikeAnUpload() throws Exception {
        answer("BADP", "daily-inconsistent-bar.json");
        Response r = TestAccounts.admin(port).post("/api/v1/instruments/BADP/refresh", null, "");
        assertProblem(r, 422, "invalid-csv");
        assertThat(new HttpTestClient(port).get("/api/v1/instruments/BADP").status())
                .isEqualTo(404);
    }

    @Test
    void theProvidersRateLimitReachesTheCallerAsA503WithRetryAfter() throws Exception {
        answer("LIMITED", "note-call-frequency.json");
        Response r = TestAccounts.admin(port).post("/api/v1/instruments/LIMITED/refresh", null, "");
        assertProblem(r, 503, "provider-rate-limited");
        assertThat(r.header("Retry-After")).isEqualTo("60");
    }
}
