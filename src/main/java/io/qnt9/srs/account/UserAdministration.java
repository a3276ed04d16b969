package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What admins do to accounts; every change is an audit line. */
@Service
class UserAdministration {

    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate tx;
    private final Clock clock;

    UserAdministration(
            UserRepository users,
            ApiKeyRepository apiKeys,
            RefreshTokens refreshTokens,
            TransactionTemplate tx,
            Clock clock) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.refreshTokens = refreshTokens;
        this.tx = tx;
        this.clock = clock;
    }

    record Page(List<UserRepository.UserRow> users, long total) {}

    Page page(String emailContains, int page, int size) {
        long offset = (long) page * size;
        return new Page(
                users.page(emailContains, (int) Math.min(offset, Integer.MAX_VALUE), size), users.count(emailContains));
    }

    /** Sets role and/or tier (null keeps it); a demoted admin's refresh tokens are revoked. */
    UserRepository.UserRow update(CurrentUser admin, long id, Role role, Tier tier) {
        return tx.execute(status -> {
            UserRepository.UserRow before = users.lockById(id).orElseThrow(() -> AccountProblems.userNotFound(id));
            Role newRole = role == null ? before.role() : role;
            Tier newTier = tier == null ? before.tier() : tier;
            boolean demoted = before.role() == Role.ADMIN && newRole != Role.ADMIN;
            if (demoted && users.countAdminsLocked() <= 1) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "last-admin",
                        "Last admin",
                        "This is the only admin; promote another user before demoting this one.");
            }
            users.updateRoleAndTier(id, newRole, newTier, clock.instant());
            int revoked = demoted ? refreshTokens.revokeAll(id, null) : 0;
            Audit.LOG.info(
                    "event=user-update by={} user={} role={}->{} tier={}->{} sessions-revoked={}",
                    Audit.clean(admin.email()),
                    id,
                    before.role(),
                    newRole,
                    before.tier(),
                    newTier,
                    revoked);
            return users.findById(id).orElseThrow();
        });
    }

    /** A user's API keys (names, prefixes, dates; never a key), e.g. to see which one was used in an incident. */
    List<ApiKeyRepository.KeyRow> apiKeysOf(long id) {
        users.findById(id).orElseThrow(() -> AccountProblems.userNotFound(id));
        return apiKeys.list(id);
    }

    /** Revokes every API key of the user at once (a leaked key, an account taken over); the number revoked. */
    int revokeApiKeys(CurrentUser admin, long id, String client) {
        users.findById(id).orElseThrow(() -> AccountProblems.userNotFound(id));
        int revoked = apiKeys.deleteAllOf(id);
        Audit.LOG.info(
                "event=api-keys-revoked by={} user={} revoked={} ip={}",
                Audit.clean(admin.email()),
                id,
                revoked,
                client);
        return revoked;
    }
}
