package io.qnt9.srs.marketdata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBytes largest accepted upload ({@code IMPORT_MAX_BYTES}); larger ones get a 413
 * @param maxReportedErrors how many row errors a rejection lists (all are counted)
 */
@ConfigurationProperties("qnt9.import")
record ImportProperties(
        @DefaultValue("134217728") long maxBytes,
        @DefaultValue("20") int maxReportedErrors) {}
