package io.qnt9.srs.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's personal API keys: create (the key is shown once), list, revoke. Needs a password sign-in: an API key
 * gets 403 signin-required here ({@link AccessRules}).
 */
@RestController
@RequestMapping(value = "/api/v1/auth/me/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
class ApiKeyController {

    private static final String USAGE = "Send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'. It acts as"
            + " you, with your role and your tier's rate limit, until revoked or expired; it cannot manage API keys,"
            + " change the password or manage users.";

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKey(
            @Schema(description = "What the key is for, 1–60 characters", example = "nightly import")
            String name,

            @Schema(
                    description = "Days until the key stops working (1–3650); omit for a key that does not expire",
                    example = "90")
            Integer expiresInDays) {}

    record KeyResponse(
            long id,
            String name,

            @Schema(description = "The key's first characters, to tell keys apart", example = "qnt9_Xq3vT0")
            String prefix,

            Instant createdAt,

            @Schema(description = "Null: does not expire") Instant expiresAt,

            @Schema(description = "Null: never used (recorded to the minute)")
            Instant lastUsedAt) {

        static KeyResponse of(ApiKeyRepository.KeyRow row) {
            return new KeyResponse(
                    row.id(), row.name(), row.prefix(), row.createdAt(), row.expiresAt(), row.lastUsedAt());
        }
    }

    record CreatedKey(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,

            @Schema(
                    description =
                            "The key. Shown only in this answer: it is stored as a hash and cannot be shown again")
            String key,

            String usage) {

        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", prefix=" + prefix + "]";
        }
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "The caller's API keys (without the keys themselves)")
    List<KeyResponse> list(CurrentUser caller) {
        return keys.list(caller).stream().map(KeyResponse::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key for scripts and programs",
            description = "201 with the key, which is shown only this once. " + USAGE + " At most "
                    + ApiKeys.MAX_KEYS_PER_USER + " keys per account.",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created: the key, shown once"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Name empty or too long, or expiresInDays out of range (invalid-request-body)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "The account holds the most keys it may (too-many-api-keys)")
            })
    ResponseEntity<CreatedKey> create(@RequestBody NewKey body, CurrentUser caller, HttpServletRequest request) {
        ApiKeys.Created created = keys.create(caller, body.name(), body.expiresInDays(), request.getRemoteAddr());
        ApiKeyRepository.KeyRow row = created.row();
        return ResponseEntity.created(URI.create("/api/v1/auth/me/api-keys/" + row.id()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(new CreatedKey(
                        row.id(), row.name(), row.prefix(), row.createdAt(), row.expiresAt(), created.key(), USAGE));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "The key stops working with the next request, on every replica.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Revoked"),
                @ApiResponse(
                        responseCode = "404",
                        description = "The caller has no key with this id (api-key-not-found)")
            })
    ResponseEntity<Void> revoke(@PathVariable long id, CurrentUser caller, HttpServletRequest request) {
        if (!keys.revoke(caller, id, request.getRemoteAddr())) {
            throw AccountProblems.apiKeyNotFound(id);
        }
        return ResponseEntity.noContent().build();
    }
}
