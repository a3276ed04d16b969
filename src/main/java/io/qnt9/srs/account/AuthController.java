package io.qnt9.srs.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in, token refresh, sign-out and the caller's own account. Token responses carry both tokens in the
 * body and the refresh token again as an HttpOnly cookie, so a browser page never needs to keep it in script.
 */
@RestController
@RequestMapping(value = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Sign-up, sign-in, tokens and the caller's own account")
class AuthController {

    private static final String SERVICE_BUSY =
            "Too many password hashes being computed at once; retry after Retry-After (service-busy)";

    private final Accounts accounts;
    private final RefreshCookie cookie;
    private final RateLimitProperties limits;
    private final Clock clock;

    AuthController(Accounts accounts, RefreshCookie cookie, RateLimitProperties limits, Clock clock) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.limits = limits;
        this.clock = clock;
    }

    record Credentials(
            @Schema(example = "ada@example.com") String email,

            @Schema(example = "correct horse battery staple", minLength = 12, maxLength = 128)
            String password) {

        @Override
        public String toString() {
            return "Credentials[email=<redacted>, password=<redacted>]";
        }
    }

    record RefreshRequest(
            @Schema(description = "Omit to use the qnt9_refresh cookie")
            String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[<redacted>]";
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[<redacted>]";
        }
    }

    record AccountDeletion(
            @Schema(description = "The account's password, to confirm")
            String password) {

        @Override
        public String toString() {
            return "AccountDeletion[<redacted>]";
        }
    }

    record RateLimit(Tier tier, long perMinute, long burst) {}

    record UserResponse(
            long id,
            String email,
            Role role,
            List<Role> roles,
            Tier tier,
            Instant createdAt,
            Instant lastSigninAt,
            RateLimit rateLimit) {}

    record TokenResponse(
            @Schema(example = "Bearer") String tokenType,
            String accessToken,

            @Schema(description = "Seconds until the access token expires", example = "900")
            long expiresIn,

            Instant accessTokenExpiresAt,

            @Schema(description = "Opaque; also set as the HttpOnly qnt9_refresh cookie")
            String refreshToken,

            Instant refreshTokenExpiresAt,
            UserResponse user) {

        @Override
        public String toString() {
            return "TokenResponse[user=" + user.id() + "]";
        }
    }

    @PostMapping("/signup")
    @Operation(
            operationId = "signUp",
            summary = "Create an account (FREE tier) and sign in",
            description = "201 with tokens. Password 12–128 characters, not the e-mail address, not a repetition, a"
                    + " sequence of keys or a common word with digits added. 409 email-taken when"
                    + " an account with the address exists.",
            responses = {
                @ApiResponse(responseCode = "201", description = "Signed up and signed in: the tokens"),
                @ApiResponse(
                        responseCode = "409",
                        description = "An account with this e-mail address exists (email-taken)"),
                @ApiResponse(responseCode = "503", description = SERVICE_BUSY)
            })
    ResponseEntity<TokenResponse> signup(@RequestBody Credentials body, HttpServletRequest request) {
        Accounts.Session s = accounts.signup(body.email(), body.password(), request.getRemoteAddr());
        return tokens(HttpStatus.CREATED, s);
    }

    @PostMapping("/signin")
    @Operation(
            operationId = "signIn",
            summary = "Sign in with e-mail and password",
            description = "401 signin-failed says only that e-mail or password is wrong. After 5 failures for one"
                    + " address within 15 minutes it is locked for 15 minutes: 429 signin-locked with Retry-After.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Signed in: the tokens"),
                @ApiResponse(responseCode = "401", description = "E-mail or password is wrong (signin-failed)"),
                @ApiResponse(
                        responseCode = "429",
                        description =
                                "Too many failed sign-ins for this address (signin-locked), or the rate limit (rate-limited); retry after Retry-After"),
                @ApiResponse(responseCode = "503", description = SERVICE_BUSY)
            })
    ResponseEntity<TokenResponse> signin(@RequestBody Credentials body, HttpServletRequest request) {
        Accounts.Session s = accounts.signin(body.email(), body.password(), request.getRemoteAddr());
        return tokens(HttpStatus.OK, s);
    }

    @PostMapping("/refresh")
    @Operation(
            operationId = "refreshTokens",
            summary = "Exchange a refresh token for a new access token and a new refresh token",
            description = "Send the refresh token in the body, or rely on the qnt9_refresh cookie (then the request"
                    + " must come from this site or an allowed origin). The presented token is used up; presenting it"
                    + " again revokes the whole session.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The new tokens"),
                @ApiResponse(
                        responseCode = "401",
                        description =
                                "The refresh token is missing, unknown, expired, revoked or already used (invalid-refresh-token)"),
                @ApiResponse(
                        responseCode = "403",
                        description = "Cookie-authenticated from an origin that is not allowed (origin-not-allowed)")
            })
    ResponseEntity<TokenResponse> refresh(
            @RequestBody(required = false) RefreshRequest body,
            @CookieValue(name = RefreshCookie.NAME, required = false) String fromCookie,
            HttpServletRequest request) {
        String token = presented(body, fromCookie, request);
        if (token == null) {
            throw AccountProblems.invalidRefreshToken();
        }
        return tokens(HttpStatus.OK, accounts.refresh(token, request.getRemoteAddr()));
    }

    @PostMapping("/signout")
    @Operation(
            operationId = "signOut",
            summary = "End this sign-in session",
            description = "Revokes the session's refresh tokens and clears the cookie. Always 204: signing out twice"
                    + " is not an error. Access tokens already issued run out on their own (15 minutes).",
            responses = {
                @ApiResponse(responseCode = "204", description = "Signed out (also when already signed out)"),
                @ApiResponse(
                        responseCode = "403",
                        description = "Cookie-authenticated from an origin that is not allowed (origin-not-allowed)")
            })
    ResponseEntity<Void> signout(
            @RequestBody(required = false) RefreshRequest body,
            @CookieValue(name = RefreshCookie.NAME, required = false) String fromCookie,
            HttpServletRequest request) {
        String token = presented(body, fromCookie, request);
        if (token != null) {
            accounts.signout(token, request.getRemoteAddr());
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie.clear())
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @GetMapping("/me")
    @Operation(operationId = "getCurrentUser", summary = "The signed-in user, with role, tier and rate limit")
    UserResponse me(CurrentUser caller) {
        return accounts.find(caller.id()).map(this::user).orElseThrow(AccountProblems::accountGone);
    }

    @PutMapping(value = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changePassword",
            summary = "Change the password",
            description = "Needs the current password (400 wrong-password otherwise; failures count towards the"
                    + " sign-in lockout). Every other sign-in session is ended; this one stays.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Changed; every other sign-in session ended"),
                @ApiResponse(
                        responseCode = "400",
                        description =
                                "The current password is wrong (wrong-password), or the new one is not acceptable (invalid-request-body)")
            })
    ResponseEntity<Void> changePassword(
            @RequestBody PasswordChange body,
            CurrentUser caller,
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest request) {
        UUID session = sessionOf(jwt);
        accounts.changePassword(caller, session, body.currentPassword(), body.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    record SessionsEnded(
            @Schema(description = "Sign-in sessions ended, this one included")
            int revoked) {}

    @DeleteMapping("/me/sessions")
    @Operation(
            operationId = "signOutEverywhere",
            summary = "Sign out everywhere",
            description = "Ends every sign-in session of the account, this one included: every refresh token is"
                    + " revoked and the cookie cleared, so no session lasts beyond its current access token (at most"
                    + " 15 minutes). API keys are not affected (revoke them one by one). Needs a password sign-in.")
    ResponseEntity<SessionsEnded> signOutEverywhere(CurrentUser caller, HttpServletRequest request) {
        int revoked = accounts.signOutEverywhere(caller, request.getRemoteAddr());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.clear())
                .cacheControl(CacheControl.noStore())
                .body(new SessionsEnded(revoked));
    }

    @DeleteMapping(value = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "deleteAccount",
            summary = "Delete the account",
            description = "Deletes the signed-in user's account and everything that is theirs: sign-in sessions, API"
                    + " keys, watchlists. Needs the password (400 wrong-password otherwise; failures count towards the"
                    + " sign-in lockout). An admin's account is refused (409 admin-account): another admin makes it a"
                    + " USER first. Access tokens already issued are refused by everything that needs the account"
                    + " (401 invalid-token) and run out within 15 minutes; the address can sign up again.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted; the refresh cookie is cleared"),
                @ApiResponse(
                        responseCode = "400",
                        description = "The password is missing or wrong (invalid-request-body, wrong-password)"),
                @ApiResponse(responseCode = "409", description = "An admin's account (admin-account)")
            })
    ResponseEntity<Void> deleteAccount(
            @RequestBody AccountDeletion body, CurrentUser caller, HttpServletRequest request) {
        accounts.deleteAccount(caller, body.password(), request.getRemoteAddr());
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie.clear())
                .cacheControl(CacheControl.noStore())
                .build();
    }

    private String presented(RefreshRequest body, String fromCookie, HttpServletRequest request) {
        if (body != null && body.refreshToken() != null && !body.refreshToken().isBlank()) {
            return body.refreshToken().trim();
        }
        if (fromCookie != null && !fromCookie.isBlank()) {
            if (!cookie.trustedOrigin(request)) {
                Audit.LOG.warn(
                        "event=origin-rejected path={} origin={} ip={}",
                        Audit.clean(request.getRequestURI()),
                        Audit.clean(request.getHeader("Origin")),
                        request.getRemoteAddr());
                throw AccountProblems.originNotAllowed();
            }
            return fromCookie;
        }
        return null;
    }

    private static UUID sessionOf(Jwt jwt) {
        String sid = jwt == null ? null : jwt.getClaimAsString(AccessTokens.SESSION);
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ResponseEntity<TokenResponse> tokens(HttpStatus status, Accounts.Session s) {
        Instant now = clock.instant();
        TokenResponse body = new TokenResponse(
                "Bearer",
                s.access().value(),
                Math.max(0, Duration.between(now, s.access().expiresAt()).toSeconds()),
                s.access().expiresAt(),
                s.refresh().value(),
                s.refresh().expiresAt(),
                user(s.user()));
        return ResponseEntity.status(status)
                .header(HttpHeaders.SET_COOKIE, cookie.set(s.refresh(), now))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(body);
    }

    UserResponse user(UserRepository.UserRow u) {
        RateLimitProperties.Limit limit = limits.of(u.tier());
        return new UserResponse(
                u.id(),
                u.email(),
                u.role(),
                u.role().granted(),
                u.tier(),
                u.createdAt(),
                u.lastSigninAt(),
                new RateLimit(u.tier(), limit.perMinute(), limit.burst()));
    }
}
