package io.qnt9.srs.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qnt9.srs.system.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, sign-in, refresh, sign-out and password change. Sign-in failures look the same whether or not the
 * account exists (same message, same cost, same lockout), so the API does not tell which e-mail addresses have
 * accounts; sign-up, which must say when an address is taken, is limited per client address instead.
 */
@Service
class Accounts {

    private final UserRepository users;
    private final SigninThrottleRepository throttle;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate tx;
    private final AccountProperties.Signin signinPolicy;
    private final Clock clock;
    private final Counter signinSucceeded;
    private final Counter signinFailed;
    private final Counter signinLocked;

    Accounts(
            UserRepository users,
            SigninThrottleRepository throttle,
            Passwords passwords,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            TransactionTemplate tx,
            AccountProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.users = users;
        this.throttle = throttle;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.tx = tx;
        this.signinPolicy = properties.signin();
        this.clock = clock;
        this.signinSucceeded = signinCounter(meters, "succeeded");
        this.signinFailed = signinCounter(meters, "failed");
        this.signinLocked = signinCounter(meters, "locked");
    }

    private static Counter signinCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("qnt9.auth.signins")
                .description("Sign-in attempts by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** A signed-in session: the user as stored, a new access token, and the session's current refresh token. */
    record Session(UserRepository.UserRow user, AccessTokens.Issued access, RefreshTokens.Issued refresh) {}

    Session signup(String rawEmail, String password, String client) {
        String email = requireEmail(rawEmail);
        List<String> problems = Passwords.violations(password, email);
        if (!problems.isEmpty()) {
            throw AccountProblems.invalidFields("password", problems);
        }
        if (users.findByEmail(email).isPresent()) {
            throw AccountProblems.emailTaken();
        }
        String hash = passwords.hash(password);
        UserRepository.UserRow user;
        try {
            user = users.insert(email, hash, Role.USER, Tier.FREE, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw AccountProblems.emailTaken();
        }
        Audit.LOG.info("event=signup outcome=success user={} tier={} ip={}", user.id(), user.tier(), client);
        return open(user);
    }

    Session signin(String rawEmail, String password, String client) {
        String email = Emails.normalise(rawEmail);
        if (!Emails.isValid(email) || password == null || password.isEmpty() || password.length() > 4 * 128) {
            passwords.matches(password, null);
            signinFailed.increment();
            Audit.LOG.info("event=signin outcome=failure reason=malformed ip={}", client);
            throw AccountProblems.signinFailed();
        }
        byte[] key = Emails.hash(email);
        Instant now = clock.instant();
        Optional<Instant> locked = throttle.lockedUntil(key, now);
        if (locked.isPresent()) {
            signinLocked.increment();
            Audit.LOG.info(
                    "event=signin outcome=locked account={} until={} ip={}",
                    Emails.fingerprint(email),
                    locked.get(),
                    client);
            throw AccountProblems.locked(Duration.between(now, locked.get()));
        }
        Optional<UserRepository.UserRow> found = users.findByEmail(email);
        boolean ok = passwords.matches(
                password, found.map(UserRepository.UserRow::passwordHash).orElse(null));
        if (!ok) {
            signinFailed.increment();
            recordFailure(key, email, found, client);
            throw AccountProblems.signinFailed();
        }
        UserRepository.UserRow stored = found.orElseThrow();
        throttle.clear(key);
        users.recordSignin(stored.id(), now);
        UserRepository.UserRow user = new UserRepository.UserRow(
                stored.id(),
                stored.email(),
                stored.passwordHash(),
                stored.role(),
                stored.tier(),
                stored.createdAt(),
                now);
        if (passwords.needsRehash(user.passwordHash())) {
            users.rehash(user.id(), passwords.hash(password));
        }
        signinSucceeded.increment();
        Audit.LOG.info("event=signin outcome=success user={} tier={} ip={}", user.id(), user.tier(), client);
        return open(user);
    }

    /** Counts the failure; throws 429 when this failure locks the address. */
    private void recordFailure(byte[] key, String email, Optional<UserRepository.UserRow> user, String client) {
        Instant now = clock.instant();
        Duration lock = signinPolicy.lockDuration();
        SigninThrottleRepository.Failures f =
                throttle.recordFailure(key, now, now.minus(lock), signinPolicy.maxFailures(), now.plus(lock));
        String who = user.map(u -> "user=" + u.id()).orElse("account=" + Emails.fingerprint(email));
        Audit.LOG.info("event=signin outcome=failure {} failures={} ip={}", who, f.count(), client);
        if (f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
            Audit.LOG.warn(
                    "event=signin-lockout {} until={} failures={} ip={}", who, f.lockedUntil(), f.count(), client);
            throw AccountProblems.locked(Duration.between(now, f.lockedUntil()));
        }
    }

    Session refresh(String presented, String client) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(presented);
        if (rotation instanceof RefreshTokens.Rotation.Reused reused) {
            Audit.LOG.warn(
                    "event=refresh-token-reuse user={} family={} revoked={} ip={}",
                    reused.userId(),
                    reused.family(),
                    reused.revoked(),
                    client);
            throw AccountProblems.invalidRefreshToken();
        }
        if (!(rotation instanceof RefreshTokens.Rotation.Rotated rotated)) {
            throw AccountProblems.invalidRefreshToken();
        }
        UserRepository.UserRow user =
                users.findById(rotated.userId()).orElseThrow(AccountProblems::invalidRefreshToken);
        return new Session(user, accessTokens.issue(user, rotated.next().family()), rotated.next());
    }

    void signout(String presented, String client) {
        long user = refreshTokens.revokeSession(presented);
        if (user >= 0) {
            Audit.LOG.info("event=signout user={} ip={}", user, client);
        }
    }

    /**
     * Ends every sign-in session of the caller, this one included (a lost phone, a shared computer): every refresh
     * token is revoked, so no session outlives its current access token (at most 15 minutes).
     *
     * @return the sessions ended
     */
    int signOutEverywhere(CurrentUser caller, String client) {
        int revoked = refreshTokens.revokeAll(caller.id(), null);
        Audit.LOG.info("event=signout-everywhere user={} sessions-revoked={} ip={}", caller.id(), revoked, client);
        return revoked;
    }

    void changePassword(CurrentUser caller, UUID session, String current, String next, String client) {
        Confirmable c = confirmable(caller, "currentPassword", current);
        List<String> problems = Passwords.violations(next, c.user().email());
        if (!problems.isEmpty()) { // before the password is checked: a weak new one is no failed attempt
            throw AccountProblems.invalidFields("newPassword", problems);
        }
        UserRepository.UserRow user = confirm(c, current, "password-change", client, AccountProblems::wrongPassword);
        String hash = passwords.hash(next);
        int revoked = tx.execute(status -> {
            users.updatePassword(user.id(), hash, clock.instant());
            return refreshTokens.revokeAll(user.id(), session);
        });
        throttle.clear(c.key());
        Audit.LOG.info(
                "event=password-change outcome=success user={} other-sessions-revoked={} ip={}",
                user.id(),
                revoked,
                client);
    }

    /** The caller's account and the lockout key of its address, for an action its password has to confirm. */
    private record Confirmable(UserRepository.UserRow user, byte[] key) {}

    /** The caller's account, unless its address is locked out (429) or no password came (400 naming {@code field}). */
    private Confirmable confirmable(CurrentUser caller, String field, String password) {
        UserRepository.UserRow user = users.findById(caller.id()).orElseThrow(AccountProblems::accountGone);
        byte[] key = Emails.hash(user.email());
        Instant now = clock.instant();
        Optional<Instant> locked = throttle.lockedUntil(key, now);
        if (locked.isPresent()) {
            throw AccountProblems.locked(Duration.between(now, locked.get()));
        }
        if (password == null || password.isEmpty()) {
            throw AccountProblems.invalidField(field, "must not be empty");
        }
        return new Confirmable(user, key);
    }

    /**
     * The account once {@code password} is its password; a wrong one counts towards the sign-in lockout, is audited as
     * a failed {@code event} and refused with {@code wrong}.
     */
    private UserRepository.UserRow confirm(
            Confirmable c, String password, String event, String client, Supplier<ApiException> wrong) {
        UserRepository.UserRow user = c.user();
        if (!passwords.matches(password, user.passwordHash())) {
            recordFailure(c.key(), user.email(), Optional.of(user), client);
            Audit.LOG.info("event={} outcome=failure user={} ip={}", event, user.id(), client);
            throw wrong.get();
        }
        return user;
    }

    /**
     * Deletes the caller's account and everything that is theirs (refresh tokens, API keys, watchlists), after
     * checking the password (a wrong one counts towards the sign-in lockout, like a failed sign-in). An admin's
     * account is refused (409): another admin demotes it first, so that no deployment loses its last admin this way.
     * Access tokens already issued stop working for anything that needs the account ({@code invalid-token}) and run
     * out within their 15 minutes.
     */
    void deleteAccount(CurrentUser caller, String password, String client) {
        Confirmable c = confirmable(caller, "password", password);
        UserRepository.UserRow user =
                confirm(c, password, "account-delete", client, AccountProblems::wrongPasswordToDelete);
        tx.executeWithoutResult(status -> {
            UserRepository.UserRow row = users.lockById(user.id()).orElseThrow(AccountProblems::accountGone);
            if (row.role() == Role.ADMIN) { // read under the lock: a promotion cannot slip in between
                throw AccountProblems.adminCannotDeleteItself();
            }
            users.delete(row.id());
        });
        throttle.clear(c.key());
        Audit.LOG.info("event=account-delete outcome=success user={} ip={}", user.id(), client);
    }

    Optional<UserRepository.UserRow> find(long id) {
        return users.findById(id);
    }

    private Session open(UserRepository.UserRow user) {
        RefreshTokens.Issued refresh = refreshTokens.start(user.id());
        return new Session(user, accessTokens.issue(user, refresh.family()), refresh);
    }

    private static String requireEmail(String raw) {
        String email = Emails.normalise(raw);
        if (email == null || email.isEmpty()) {
            throw AccountProblems.invalidField("email", "must not be empty");
        }
        if (!Emails.isValid(email)) {
            throw AccountProblems.invalidField(
                    "email",
                    "must be an e-mail address (name@example.com, at most " + Emails.MAX_LENGTH + " characters)");
        }
        return email;
    }
}
