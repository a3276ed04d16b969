package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** How every kind of failure is rendered: a web slice with a controller that fails on purpose. */
@WebMvcTest(controllers = ProblemHandlerTests.FailingController.class)
@Import({ProblemHandlerTests.FailingController.class, ProblemHandler.class, RequestIdFilter.class})
class ProblemHandlerTests {

    @RestController
    static class FailingController {

        @GetMapping("/t/boom")
        String boom() {
            throw new IllegalStateException("connection string postgres://admin:hunter2@db");
        }

        @GetMapping("/t/range")
        int range(@RequestParam @Min(1) @Max(10) int n) {
            return n;
        }

        record Body(@NotBlank String name) {}

        @PostMapping("/t/body")
        String body(@Valid @RequestBody Body body) {
            return body.name();
        }

        record Typed(LocalDate start, BigDecimal price, List<String> tickers) {}

        @PostMapping("/t/typed")
        String typed(@RequestBody Typed body) {
            return String.valueOf(body);
        }

        @GetMapping(value = "/t/json", produces = MediaType.APPLICATION_JSON_VALUE)
        String json() {
            return "{}";
        }

        @GetMapping("/t/constraint")
        String constraint() {
            throw new ConstraintViolationException("bad", Set.of());
        }

        @GetMapping("/t/upload")
        String upload() {
            throw new MaxUploadSizeExceededException(10);
        }

        @GetMapping("/t/teapot")
        String teapot() {
            throw new ApiException(HttpStatus.I_AM_A_TEAPOT, "teapot", "Teapot", "Short and stout.")
                    .with("spout", true);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothing() throws Exception {
        String body = mvc.perform(get("/t/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/internal-error"))
                .andExpect(jsonPath("$.requestId").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("postgres");
    }

    @Test
    void failuresOfTheDatabaseConnectionAreToldApartFromOtherFailures() {
        // The connection: refused or timed out in the pool, lost half-way (SQLSTATE 08006), the server shutting down
        // (57P01), and a rollback that failed on a closed connection and hid the original error.
        assertThat(DatabaseFailures.unreachable(new org.springframework.transaction.CannotCreateTransactionException(
                        "Could not open JDBC Connection", new java.sql.SQLTransientConnectionException("timeout"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(
                        new IllegalStateException(new java.sql.SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new java.sql.SQLException("terminating connection", "57P01")))
                .isTrue();
        var rollbackFailed = new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("Connection is closed", "08003"));
        assertThat(DatabaseFailures.unreachable(rollbackFailed)).isTrue();
        // Not the connection: a constraint, a syntax error, our own bug.
        assertThat(DatabaseFailures.unreachable(new org.springframework.dao.DuplicateKeyException(
                        "duplicate", new java.sql.SQLException("unique", "23505"))))
                .isFalse();
        assertThat(DatabaseFailures.unreachable(new org.springframework.jdbc.BadSqlGrammarException(
                        "q", "SELECT", new java.sql.SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("boom")))
                .isFalse();
    }

    @Test
    void aParameterOutOfItsRangeNamesTheParameter() throws Exception {
        mvc.perform(get("/t/range").param("n", "11"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("n"))
                .andExpect(jsonPath("$.errors[0].name").value("n"));
        mvc.perform(get("/t/range").param("n", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'n' must be a whole number; got 'x'."));
    }

    @Test
    void anInvalidBodyFieldIsNamed() throws Exception {
        mvc.perform(post("/t/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/invalid-request-body"))
                .andExpect(jsonPath("$.parameter").value("name"));
        mvc.perform(post("/t/body").contentType(MediaType.APPLICATION_JSON).content("[1,2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/malformed-request-body"));
    }

    @Test
    void aBodyFieldThatIsUnknownOrOfTheWrongTypeIsNamed() throws Exception {
        typed("{\"strat\":\"2014-01-01\"}")
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/invalid-request-body"))
                .andExpect(jsonPath("$.parameter").value("strat"))
                .andExpect(jsonPath("$.errors[0].name").value("strat"))
                .andExpect(jsonPath("$.detail")
                        .value("Unknown field 'strat' in the request body. Did you mean 'start'? It takes: start,"
                                + " price, tickers."));
        typed("{\"start\":\"2014-13-01\"}")
                .andExpect(jsonPath("$.parameter").value("start"))
                .andExpect(jsonPath("$.detail")
                        .value("Field 'start' must be a valid date in ISO format (yyyy-MM-dd); got '2014-13-01'."));
        typed("{\"price\":\"abc\"}")
                .andExpect(jsonPath("$.detail").value("Field 'price' must be a number; got 'abc'."));
        typed("{\"tickers\":{\"a\":1}}").andExpect(jsonPath("$.detail").value("Field 'tickers' must be a list."));
        typed("{\"tickers\":[\"AAPL\",{\"x\":1}]}")
                .andExpect(jsonPath("$.parameter").value("tickers[1]"))
                .andExpect(jsonPath("$.detail").value("Field 'tickers[1]' must be text."));
        typed("[1,2]").andExpect(jsonPath("$.type").value("https://qnt9.io/problems/malformed-request-body"));
        typed("{\"start\":\"2014-01-01\",\"price\":1.5,\"tickers\":[\"AAPL\"]}");
    }

    private org.springframework.test.web.servlet.ResultActions typed(String json) throws Exception {
        boolean valid = json.contains("\"price\":1.5");
        return mvc.perform(
                        post("/t/typed").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(valid ? status().isOk() : status().isBadRequest());
    }

    @Test
    void anUnsatisfiableAcceptHeaderIs406() throws Exception {
        mvc.perform(get("/t/json").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/not-acceptable"));
    }

    @Test
    void constraintViolationsAndOversizedUploadsHaveTheirTypes() throws Exception {
        mvc.perform(get("/t/constraint"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/invalid-parameter"));
        mvc.perform(get("/t/upload"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/payload-too-large"));
    }

    @Test
    void aModulesOwnProblemPassesThroughWithItsMembers() throws Exception {
        mvc.perform(get("/t/teapot").header("X-Request-Id", "abc-123"))
                .andExpect(status().isIAmATeapot())
                .andExpect(header().string("X-Request-Id", "abc-123"))
                .andExpect(jsonPath("$.type").value("https://qnt9.io/problems/teapot"))
                .andExpect(jsonPath("$.spout").value(true))
                .andExpect(jsonPath("$.instance").value("/t/teapot"))
                .andExpect(jsonPath("$.requestId").value("abc-123"));
    }

    @Test
    void errorsOutsideControllersBecomeProblemsToo() {
        ProblemErrorController errors = new ProblemErrorController();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/%%%");
        ResponseEntity<ProblemDetail> bad = errors.error(request);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().getType().toString()).isEqualTo("https://qnt9.io/problems/bad-request");
        assertThat(bad.getBody().getInstance())
                .as("a malformed request URI is left out, not a 500")
                .isNull();

        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        ResponseEntity<ProblemDetail> failed = errors.error(request);
        assertThat(failed.getBody().getType().toString()).isEqualTo("https://qnt9.io/problems/internal-error");
        assertThat(failed.getBody().getDetail()).contains("request id");

        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
        assertThat(errors.error(request).getBody().getType().toString())
                .isEqualTo("https://qnt9.io/problems/payload-too-large");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 418);
        assertThat(errors.error(request).getBody().getType().toString())
                .isEqualTo("https://qnt9.io/problems/client-error");
        request.removeAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        assertThat(errors.error(request).getStatusCode().value()).isEqualTo(500);
    }
}
