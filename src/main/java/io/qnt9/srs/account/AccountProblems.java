package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems the account endpoints answer with (types listed in docs/PROBLEMS.md). */
final class AccountProblems {

    static final String BEARER_CHALLENGE = "Bearer realm=\"qnt9\"";

    private AccountProblems() {}

    static ApiException signinFailed() {
        return unauthorized(new ApiException(
                HttpStatus.UNAUTHORIZED, "signin-failed", "Sign-in failed", "E-mail or password is wrong."));
    }

    static ApiException locked(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ApiException e = new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "signin-locked",
                        "Too many failed sign-ins",
                        "Too many failed sign-ins for this e-mail address. Try again in " + ((seconds + 59) / 60)
                                + " minute(s).")
                .with("retryAfterSeconds", seconds);
        e.getHeaders().set("Retry-After", Long.toString(seconds));
        return e;
    }

    static ApiException invalidRefreshToken() {
        return unauthorized(new ApiException(
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token",
                "Invalid refresh token",
                "The refresh token is missing, unknown, expired or revoked. Sign in again."));
    }

    static ApiException unauthorized() {
        return unauthorized(new ApiException(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "This needs a signed-in user: send 'Authorization: Bearer <access token>'."));
    }

    static ApiException accountGone() {
        return unauthorized(new ApiException(
                HttpStatus.UNAUTHORIZED,
                "invalid-token",
                "Invalid token",
                "The account this token was issued to no longer exists."));
    }

    static ApiException emailTaken() {
        return new ApiException(
                        HttpStatus.CONFLICT,
                        "email-taken",
                        "E-mail address taken",
                        "An account with this e-mail address already exists. Sign in, or use another address.")
                .with("parameter", "email");
    }

    static ApiException wrongPassword() {
        return new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "wrong-password",
                        "Wrong password",
                        "The current password is wrong; the password was not changed.")
                .with("parameter", "currentPassword");
    }

    static ApiException wrongPasswordToDelete() {
        return new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "wrong-password",
                        "Wrong password",
                        "The password is wrong; the account was not deleted.")
                .with("parameter", "password");
    }

    static ApiException adminCannotDeleteItself() {
        return new ApiException(
                HttpStatus.CONFLICT,
                "admin-account",
                "An admin account is not deleted by itself",
                "This account is an admin's: another admin changes its role to USER first (PATCH"
                        + " /api/v1/admin/users/{id}), then it can be deleted. Nothing was deleted.");
    }

    static ApiException originNotAllowed() {
        return new ApiException(
                HttpStatus.FORBIDDEN,
                "origin-not-allowed",
                "Origin not allowed",
                "A request authenticated by the refresh-token cookie must come from this site or an allowed origin.");
    }

    static ApiException crossOriginNotAllowed() {
        return new ApiException(
                HttpStatus.FORBIDDEN,
                "origin-not-allowed",
                "Origin not allowed",
                "Cross-origin requests are accepted only from the origins listed in CORS_ALLOWED_ORIGINS.");
    }

    static ApiException tooManyApiKeys(int max) {
        return new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "too-many-api-keys",
                        "Too many API keys",
                        "An account can hold at most " + max + " API keys. Revoke one you no longer use first.")
                .with("limit", max);
    }

    static ApiException userNotFound(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "No user with id " + id + ".")
                .with("parameter", "id");
    }

    static ApiException apiKeyNotFound(long id) {
        return new ApiException(
                        HttpStatus.NOT_FOUND,
                        "api-key-not-found",
                        "API key not found",
                        "You have no API key with id " + id + ".")
                .with("parameter", "id");
    }

    /** 403: the request came with an API key, and this needs the password's sign-in (an access token). */
    static ApiException signinRequired() {
        return new ApiException(
                HttpStatus.FORBIDDEN,
                "signin-required",
                "Sign-in required",
                "An API key cannot manage API keys, change the password or manage users. Sign in with e-mail and"
                        + " password (POST /api/v1/auth/signin) and use the access token.");
    }

    /** 400 invalid-request-body naming the field, in the shape the problem handler gives validation errors. */
    static ApiException invalidField(String field, String message) {
        return invalidFields(field, List.of(message));
    }

    static ApiException invalidFields(String field, List<String> messages) {
        StringBuilder detail = new StringBuilder();
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        for (String m : messages) {
            detail.append(detail.isEmpty() ? "" : "; ")
                    .append('\'')
                    .append(field)
                    .append("' ")
                    .append(m);
            errors.add(Map.of("name", field, "message", m));
        }
        return new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request-body",
                        "Invalid request body",
                        detail.append('.').toString())
                .with("parameter", field)
                .with("errors", errors);
    }

    private static ApiException unauthorized(ApiException e) {
        e.getHeaders().set("WWW-Authenticate", BEARER_CHALLENGE);
        return e;
    }
}
