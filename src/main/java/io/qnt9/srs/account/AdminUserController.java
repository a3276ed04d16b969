package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User management for admins: list users, change a user's role and tier, see and revoke a user's API keys. */
@RestController
@RequestMapping(value = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin", description = "User management (ADMIN role)")
class AdminUserController {

    static final int MAX_PAGE_SIZE = 100;

    private final UserAdministration administration;

    AdminUserController(UserAdministration administration) {
        this.administration = administration;
    }

    record AdminUser(
            long id, String email, Role role, List<Role> roles, Tier tier, Instant createdAt, Instant lastSigninAt) {

        static AdminUser of(UserRepository.UserRow u) {
            return new AdminUser(
                    u.id(), u.email(), u.role(), u.role().granted(), u.tier(), u.createdAt(), u.lastSigninAt());
        }
    }

    record UserPage(List<AdminUser> items, int page, int size, long total, int totalPages) {}

    record UserUpdate(
            @Schema(description = "USER or ADMIN; omit to keep", example = "ADMIN")
            String role,

            @Schema(description = "FREE or PAID; omit to keep", example = "PAID")
            String tier) {}

    @GetMapping
    @Operation(operationId = "listUsers", summary = "Users, by id, a page at a time")
    UserPage users(
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1–100") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "Only addresses containing this text") @RequestParam(required = false)
                    String email) {
        if (page < 0 || page > 1_000_000) {
            throw invalidParameter("page", "page must be between 0 and 1000000; got " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalidParameter("size", "size must be between 1 and " + MAX_PAGE_SIZE + "; got " + size + ".");
        }
        String filter = email == null || email.isBlank() ? null : Emails.normalise(email);
        if (filter != null && filter.length() > Emails.MAX_LENGTH) {
            throw invalidParameter("email", "email filter must be at most " + Emails.MAX_LENGTH + " characters.");
        }
        UserAdministration.Page p = administration.page(filter, page, size);
        return new UserPage(p.users().stream().map(AdminUser::of).toList(), page, size, p.total(), (int)
                ((p.total() + size - 1) / size));
    }

    @PatchMapping(
            value = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(
            operationId = "updateUser",
            summary = "Change a user's role and/or tier",
            description = "Written to the audit log. A demoted admin's sessions end. The last admin cannot be"
                    + " demoted (409 last-admin). The user sees the change in the next access token (≤ 15 min).",
            responses = {
                @ApiResponse(responseCode = "200", description = "The user as changed"),
                @ApiResponse(responseCode = "404", description = "No user with this id (user-not-found)"),
                @ApiResponse(responseCode = "409", description = "The change would demote the last admin (last-admin)")
            })
    AdminUser update(@PathVariable long id, @RequestBody UserUpdate body, CurrentUser caller) {
        Role role = body.role() == null ? null : parse("role", body.role(), Role.values());
        // ANONYMOUS is the tier of callers without a token, not one an account can have.
        Tier tier = body.tier() == null ? null : parse("tier", body.tier(), Tier.FREE, Tier.PAID);
        if (role == null && tier == null) {
            throw AccountProblems.invalidField("body", "must change 'role' or 'tier'");
        }
        return AdminUser.of(administration.update(caller, id, role, tier));
    }

    record RevokedKeys(long userId, int revoked) {}

    @GetMapping("/{id}/api-keys")
    @Operation(
            operationId = "listUserApiKeys",
            summary = "A user's API keys: names, prefixes, created, expires, last used (never the keys)",
            responses = {
                @ApiResponse(responseCode = "200", description = "The user's keys"),
                @ApiResponse(responseCode = "404", description = "No user with this id (user-not-found)")
            })
    List<ApiKeyController.KeyResponse> apiKeys(@PathVariable long id) {
        return administration.apiKeysOf(id).stream()
                .map(ApiKeyController.KeyResponse::of)
                .toList();
    }

    @DeleteMapping("/{id}/api-keys")
    @Operation(
            operationId = "revokeUserApiKeys",
            summary = "Revoke all of a user's API keys (a leaked key, an account taken over)",
            description = "Written to the audit log. The keys stop working with the next request, on every replica.",
            responses = {
                @ApiResponse(responseCode = "200", description = "How many keys were revoked"),
                @ApiResponse(responseCode = "404", description = "No user with this id (user-not-found)")
            })
    RevokedKeys revokeApiKeys(@PathVariable long id, CurrentUser caller, HttpServletRequest request) {
        return new RevokedKeys(id, administration.revokeApiKeys(caller, id, request.getRemoteAddr()));
    }

    @SafeVarargs
    private static <E extends Enum<E>> E parse(String field, String value, E... allowed) {
        for (E e : allowed) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        List<String> names = java.util.Arrays.stream(allowed).map(Enum::name).toList();
        return fail(field, "must be one of " + names);
    }

    private static <T> T fail(String field, String message) {
        throw AccountProblems.invalidField(field, message);
    }

    private static ApiException invalidParameter(String name, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail)
                .with("parameter", name);
    }
}
