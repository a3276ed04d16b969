package io.qnt9.srs.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Conditional GETs for the public market-data reads whose answers are large and change only with the data (a
 * series of bars, indicator columns, statistics, the report, the recommendation and its backtest): an {@code ETag}
 * (a hash of the body) and {@code Cache-Control: no-cache}, so that a browser or a proxy keeps the answer and asks
 * again with {@code If-None-Match} — a 304 without a body while the data is unchanged. Everything else keeps the
 * security default ({@code no-store}); {@code /api/stats} stays out (small answers, and the hot path of the rate
 * benchmark), as do the ranking (its answer says how long it took to compute) and anything personal.
 */
@Configuration(proxyBeanMethods = false)
class ConditionalGetFilter {

    static final List<PathPattern> PATHS = List.of(
                    "/api/v1/instruments",
                    "/api/v1/instruments/{symbol}",
                    "/api/v1/instruments/{symbol}/bars",
                    "/api/v1/instruments/{symbol}/indicators",
                    "/api/v1/instruments/{symbol}/statistics",
                    "/api/v1/instruments/{symbol}/report",
                    "/api/v1/instruments/{symbol}/recommendation",
                    "/api/v1/instruments/{symbol}/backtest",
                    "/api/v1/indicators")
            .stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> conditionalGets() {
        return new FilterRegistrationBean<>(new Etags());
    }

    static boolean applies(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return PATHS.stream().anyMatch(p -> p.matches(path));
    }

    /** Spring's shallow ETag filter (hash of the buffered body; answers 304 itself), on these paths only. */
    static final class Etags extends ShallowEtagHeaderFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !applies(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // Set before the security headers are written, which then leave Cache-Control alone.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            super.doFilterInternal(request, response, chain);
        }
    }
}
