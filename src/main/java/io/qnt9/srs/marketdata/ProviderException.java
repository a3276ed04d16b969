package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A provider call that failed, mapped to what our caller should see. */
public class ProviderException extends ApiException {

    public enum Kind {
        /** The provider does not know the symbol. */
        UNKNOWN_SYMBOL(HttpStatus.NOT_FOUND, "provider-unknown-symbol", "Unknown at the provider"),
        /** The provider's rate limit (per minute or per day) was hit. */
        RATE_LIMITED(HttpStatus.SERVICE_UNAVAILABLE, "provider-rate-limited", "Provider rate limit reached"),
        /** The API key is missing, invalid, or not entitled to the call. */
        REJECTED_KEY(HttpStatus.BAD_GATEWAY, "provider-auth-failed", "Provider rejected the request"),
        /** Timeouts, connection failures and 5xx answers, after the bounded retries. */
        UNAVAILABLE(HttpStatus.BAD_GATEWAY, "provider-unavailable", "Provider unavailable"),
        /** An answer we cannot read. */
        BAD_RESPONSE(HttpStatus.BAD_GATEWAY, "provider-bad-response", "Unusable provider response"),
        /** No provider is configured. */
        DISABLED(HttpStatus.SERVICE_UNAVAILABLE, "provider-disabled", "Live provider off");

        final HttpStatus status;
        final String slug;
        final String title;

        Kind(HttpStatus status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ProviderException(Kind kind, String detail, Duration retryAfter, Throwable cause) {
        super(kind.status, kind.slug, kind.title, detail, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        if (retryAfter != null) {
            getHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
    }

    public ProviderException(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
