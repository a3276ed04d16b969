package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import java.util.List;

/**
 * The signed-in caller, as its access token describes it. Declare a parameter of this type in a controller method
 * of a route that requires a signed-in user; it is resolved from the request's bearer token.
 *
 * @param id the user id (the token's {@code sub})
 * @param roles the roles granted (an admin has USER and ADMIN)
 * @param tier the rate-limit tier when the token was issued
 */
public record CurrentUser(long id, String email, List<Role> roles, Tier tier) {

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /**
     * The problem for a token whose account was deleted while the token was still valid (401 {@code invalid-token}),
     * for a module that finds out by itself (a row that references the user is refused).
     */
    public ApiException gone() {
        return AccountProblems.accountGone();
    }
}
