package io.qnt9.srs.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly housekeeping: refresh tokens a day past their expiry, API keys {@value #EXPIRED_KEYS_KEPT_DAYS} days past
 * theirs (listed as expired until then, so the owner sees why a script stopped), and sign-in failure counts that no
 * longer matter. Safe to run on every replica at once.
 */
@Component
class AccountMaintenance {

    private static final Logger log = LoggerFactory.getLogger(AccountMaintenance.class);

    static final int EXPIRED_KEYS_KEPT_DAYS = 30;

    private final RefreshTokenRepository tokens;
    private final ApiKeyRepository keys;
    private final SigninThrottleRepository throttle;
    private final AccountProperties.Signin signin;
    private final Clock clock;

    AccountMaintenance(
            RefreshTokenRepository tokens,
            ApiKeyRepository keys,
            SigninThrottleRepository throttle,
            AccountProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.keys = keys;
        this.throttle = throttle;
        this.signin = properties.signin();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void cleanUp() {
        try {
            Instant now = clock.instant();
            int expired = tokens.deleteExpired(now.minus(Duration.ofDays(1)));
            int expiredKeys = keys.deleteExpired(now.minus(Duration.ofDays(EXPIRED_KEYS_KEPT_DAYS)));
            int stale = throttle.deleteStale(now.minus(signin.lockDuration()), now);
            log.debug(
                    "Removed {} expired refresh tokens, {} expired API keys and {} stale sign-in counters",
                    expired,
                    expiredKeys,
                    stale);
        } catch (RuntimeException e) {
            log.warn("Account housekeeping failed: {}", e.getMessage());
        }
    }
}
