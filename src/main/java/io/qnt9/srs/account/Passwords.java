package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password policy and hashing. New hashes are Argon2id ({@code {argon2}…}, 16 MiB, 2 passes); BCrypt hashes are
 * still accepted and upgraded at the next sign-in. Hashing is deliberately slow and memory-hungry, so only a bounded
 * number run at once: a flood of sign-ins queues (and eventually gets a 503) instead of exhausting the heap.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final long WAIT_SECONDS = 10;

    private final PasswordEncoder encoder;
    private final Semaphore permits;
    /**
     * Compared against when the account does not exist, so that both cases cost the same time. Hashing it takes a
     * quarter of a second of a cold JVM, so it is computed on a background thread once the application is ready
     * (or by the first caller, whichever comes first), not on the start-up path.
     */
    private final FutureTask<String> decoy;

    Passwords(AccountProperties properties) {
        String defaultId = "argon2";
        this.encoder = new DelegatingPasswordEncoder(
                defaultId,
                Map.of(
                        defaultId,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
        int configured = properties.signin().maxConcurrentHashes();
        this.permits = new Semaphore(
                configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors(), true);
        this.decoy = new FutureTask<>(() -> encoder.encode("decoy-password-that-matches-nothing"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareDecoy() {
        Thread thread = new Thread(decoy, "password-decoy");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the decoy hash has been computed (by the background thread or a caller). */
    boolean decoyReady() {
        return decoy.isDone();
    }

    /** The decoy hash; runs the hashing here if the background thread has not started it yet. */
    String decoy() {
        decoy.run(); // no-op when already running or done
        try {
            return decoy.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the decoy password hash", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not prepare the decoy password hash", e.getCause());
        }
    }

    String hash(String raw) {
        return bounded(() -> encoder.encode(raw));
    }

    /** Whether {@code raw} matches {@code hash}; a null hash (no such account) costs the same and never matches. */
    boolean matches(String raw, String hash) {
        if (hash == null) {
            String decoyHash = decoy();
            bounded(() -> encoder.matches(raw == null ? "" : raw, decoyHash));
            return false;
        }
        return raw != null && bounded(() -> encoder.matches(raw, hash));
    }

    boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /** What is wrong with a new password, for the problem's {@code errors}; empty when it is acceptable. */
    static List<String> violations(String password, String normalisedEmail) {
        List<String> out = new ArrayList<>(2);
        if (password == null || password.isEmpty()) {
            out.add("must not be empty");
            return out;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            out.add("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            out.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.isBlank()) {
            out.add("must not be only spaces");
        }
        if (normalisedEmail != null) {
            String lower = password.trim().toLowerCase(java.util.Locale.ROOT);
            int at = normalisedEmail.indexOf('@');
            if (lower.equals(normalisedEmail) || (at > 0 && lower.equals(normalisedEmail.substring(0, at)))) {
                out.add("must not be the e-mail address");
            }
        }
        return out;
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            ApiException busy = new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-busy",
                    "Service busy",
                    "Too many sign-ins are being processed right now; try again in a few seconds.");
            busy.getHeaders().set("Retry-After", "5");
            throw busy;
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
