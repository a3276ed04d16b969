package io.qnt9.srs.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API keys: {@code qnt9_} followed by 256 random bits in base64url (48 characters), shown once when created
 * and stored only as their SHA-256 with the first characters as a reminder. A key authenticates its owner as an
 * access token would, with the owner's role and tier as they are at the time of the request; it cannot create or
 * revoke keys, change the password or manage users (a leaked key must not be able to outlive its revocation). A
 * revoked or expired key stops working on every replica with the next request (no cache).
 */
@Service
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    static final String PREFIX = "qnt9_";
    /** The prefix plus 32 bytes in base64url without padding. */
    static final int LENGTH = PREFIX.length() + 43;
    /** Characters of a key kept in clear to tell keys apart: the prefix and six random characters. */
    static final int SHOWN = PREFIX.length() + 6;

    static final int MAX_KEYS_PER_USER = 10;
    static final int MAX_NAME_LENGTH = 60;
    static final int MAX_EXPIRY_DAYS = 3650;
    /** How stale {@code last_used_at} may get before a use writes it again (one write per key and minute at most). */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final UserRepository users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(ApiKeyRepository repository, UserRepository users, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    /** A key just created: the stored row and the key itself, which is not kept anywhere. */
    record Created(ApiKeyRepository.KeyRow row, String key) {

        @Override
        public String toString() {
            return "CreatedApiKey[id=" + row.id() + ", prefix=" + row.prefix() + "]";
        }
    }

    Created create(CurrentUser owner, String rawName, Integer expiresInDays, String client) {
        String name = requireName(rawName);
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            throw AccountProblems.invalidField(
                    "expiresInDays",
                    "must be between 1 and " + MAX_EXPIRY_DAYS + " days, or left out for a key that does not"
                            + " expire; got " + expiresInDays);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        String key = newKey();
        Created created = tx.execute(status -> {
            // The owner's row, locked until commit, serialises two creations: they cannot both pass the limit.
            users.lockById(owner.id()).orElseThrow(AccountProblems::accountGone);
            if (repository.count(owner.id()) >= MAX_KEYS_PER_USER) {
                throw AccountProblems.tooManyApiKeys(MAX_KEYS_PER_USER);
            }
            return new Created(
                    repository.insert(owner.id(), name, key.substring(0, SHOWN), RefreshTokens.hash(key), now, expires),
                    key);
        });
        Audit.LOG.info(
                "event=api-key-created user={} key={} prefix={} expires={} ip={}",
                owner.id(),
                created.row().id(),
                created.row().prefix(),
                expires == null ? "never" : expires,
                client);
        return created;
    }

    List<ApiKeyRepository.KeyRow> list(CurrentUser owner) {
        return repository.list(owner.id());
    }

    /** Revokes (deletes) one of the owner's keys; false when the owner has no key with this id. */
    boolean revoke(CurrentUser owner, long keyId, String client) {
        boolean deleted = repository.delete(owner.id(), keyId);
        if (deleted) {
            Audit.LOG.info("event=api-key-revoked user={} key={} ip={}", owner.id(), keyId, client);
        }
        return deleted;
    }

    /**
     * The key's owner as they are now, when the presented value is a live key; empty when it is malformed, unknown,
     * revoked or expired. Records the use (at most once a minute per key).
     */
    Optional<ApiKeyRepository.Holder> authenticate(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        Optional<ApiKeyRepository.Holder> found = repository.findByHash(RefreshTokens.hash(presented));
        if (found.isEmpty()) {
            return found;
        }
        ApiKeyRepository.Holder holder = found.get();
        Instant now = clock.instant();
        if (holder.expiresAt() != null && !now.isBefore(holder.expiresAt())) {
            return Optional.empty();
        }
        if (holder.lastUsedAt() == null || holder.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            try {
                repository.touch(holder.keyId(), now.truncatedTo(ChronoUnit.SECONDS));
            } catch (DataAccessException e) {
                // A bookkeeping write: the key was found and is valid, so the request goes on (e.g. on a database
                // that has just turned read-only in a fail-over).
                log.warn("Could not record the use of API key {}: {}", holder.keyId(), e.getMessage());
            }
        }
        return found;
    }

    /** Whether a bearer value is meant as an API key (rather than an access token): it starts with the prefix. */
    static boolean looksLikeKey(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    static boolean wellFormed(String key) {
        return key != null
                && key.length() == LENGTH
                && key.startsWith(PREFIX)
                && RefreshTokens.wellFormed(key.substring(PREFIX.length()));
    }

    private String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireName(String raw) {
        String name = raw == null ? "" : raw.strip();
        List<String> problems = new ArrayList<>(2);
        if (name.isEmpty()) {
            problems.add("must not be empty (say what the key is for, e.g. \"nightly import\")");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add("must be at most " + MAX_NAME_LENGTH + " characters; got " + name.length());
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add("must not contain control characters");
        }
        if (!problems.isEmpty()) {
            throw AccountProblems.invalidFields("name", problems);
        }
        return name;
    }
}
