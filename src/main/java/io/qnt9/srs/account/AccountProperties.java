package io.qnt9.srs.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and tokens ({@code qnt9.account.*}; environment variables in the README).
 *
 * @param jwt access and refresh tokens
 * @param admin the first administrator, created at start-up when both values are set
 * @param signin the temporary lockout after failed sign-ins
 */
@ConfigurationProperties("qnt9.account")
record AccountProperties(Jwt jwt, Admin admin, Signin signin) {

    AccountProperties {
        jwt = jwt == null
                ? new Jwt(null, "qnt9-srs", Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(30))
                : jwt;
        admin = admin == null ? new Admin(null, null) : admin;
        signin = signin == null ? new Signin(5, Duration.ofMinutes(15), 0) : signin;
    }

    /**
     * @param secret base64 HMAC-SHA256 key ({@code JWT_SECRET}), at least 32 bytes decoded
     * @param issuer the {@code iss} of every access token, checked on the way in
     * @param accessTtl lifetime of an access token ({@code JWT_ACCESS_TTL})
     * @param refreshTtl lifetime of a refresh token; each rotation starts it again ({@code JWT_REFRESH_TTL})
     * @param clockSkew tolerance for clocks of replicas that disagree slightly, applied to {@code exp}
     */
    record Jwt(
            String secret,
            @DefaultValue("qnt9-srs") String issuer,
            @DefaultValue("15m") Duration accessTtl,
            @DefaultValue("30d") Duration refreshTtl,
            @DefaultValue("30s") Duration clockSkew) {

        @Override
        public String toString() {
            return "Jwt[secret=" + (secret == null || secret.isBlank() ? "<unset>" : "<redacted>") + ", issuer="
                    + issuer + ", accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl + "]";
        }
    }

    /** {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}. */
    record Admin(String email, String password) {

        boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=" + (password == null ? "<unset>" : "<redacted>") + "]";
        }
    }

    /**
     * @param maxFailures failed sign-ins for one e-mail address, within {@code lockDuration}, that lock it
     * @param lockDuration how long the address stays locked (also the window in which failures add up)
     * @param maxConcurrentHashes password hashes computed at once (Argon2id takes 16 MiB each); 0 = 2 × CPUs
     */
    record Signin(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("0") int maxConcurrentHashes) {}
}
