package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        String lower = password.trim().toLowerCase(Locale.ROOT);
        if (normalisedEmail != null) {
            int at = normalisedEmail.indexOf('@');
            if (lower.equals(normalisedEmail) || (at > 0 && lower.equals(normalisedEmail.substring(0, at)))) {
                out.add("must not be the e-mail address");
            }
        }
        if (out.isEmpty()) {
            String guessable = guessable(lower, normalisedEmail);
            if (guessable != null) {
                out.add(guessable);
            }
        }
        return out;
    }

    /** Fewer different characters than this is a repetition ("aaaaaaaaaaaa", "abcabcabcabc"). */
    static final int MIN_DISTINCT = 5;

    /** Runs of neighbouring characters or keys, forwards; a password inside one (or its reverse) is a sequence. */
    private static final List<String> RUNS = List.of(
            "0123456789".repeat(14),
            "abcdefghijklmnopqrstuvwxyz".repeat(5),
            "qwertyuiopasdfghjklzxcvbnm",
            "qwertzuiopasdfghjklyxcvbnm",
            "azertyuiopqsdfghjklmwxcvbn",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p");

    /**
     * The words most often found at the heart of leaked passwords, and this service's own name — a password that is
     * one of them with digits or symbols around it ("Password2024!", "qwerty123456", "Summer2025!!") is among the
     * first an attacker tries.
     */
    private static final Set<String> COMMON_WORDS = Set.of(
            "password",
            "passwort",
            "motdepasse",
            "contrasena",
            "qwerty",
            "qwertz",
            "azerty",
            "letmein",
            "welcome",
            "admin",
            "administrator",
            "root",
            "login",
            "iloveyou",
            "monkey",
            "dragon",
            "football",
            "baseball",
            "soccer",
            "hockey",
            "sunshine",
            "princess",
            "trustno",
            "master",
            "shadow",
            "superman",
            "batman",
            "starwars",
            "whatever",
            "freedom",
            "changeme",
            "secret",
            "default",
            "hello",
            "charlie",
            "michael",
            "jordan",
            "jennifer",
            "hunter",
            "ranger",
            "pokemon",
            "computer",
            "internet",
            "summer",
            "winter",
            "spring",
            "autumn",
            "killer",
            "cheese",
            "cookie",
            "flower",
            "lovely",
            "purple",
            "orange",
            "chocolate",
            "mustang",
            "harley",
            "maverick",
            "access",
            "matrix",
            "samsung",
            "google",
            "abc",
            "qnt",
            "stock",
            "stocks",
            "trading",
            "trader",
            "invest",
            "investor",
            "money");

    /**
     * Why the (trimmed, lower-case) password is among the first an attacker tries, or null — the "commonly used,
     * expected or compromised values" that NIST SP 800-63B (§5.1.1.2) asks a verifier to refuse: repetition,
     * sequences of characters or keyboard keys, a very common word with digits or symbols added, the address's own
     * name with digits or symbols added. No breach corpus is bundled: these rules catch the patterns such lists are
     * made of.
     */
    static String guessable(String lower, String normalisedEmail) {
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return "must use at least " + MIN_DISTINCT + " different characters";
        }
        String reversed = new StringBuilder(lower).reverse().toString();
        for (String run : RUNS) {
            if (run.contains(lower) || run.contains(reversed)) {
                return "must not be a sequence of neighbouring characters or keys (like 123456789012 or qwertyuiopas)";
            }
        }
        String core = core(lower);
        if (COMMON_WORDS.contains(core)) {
            return "is too common: a common word with digits or symbols added";
        }
        if (normalisedEmail != null) {
            int at = normalisedEmail.indexOf('@');
            if (at > 0 && !core.isEmpty() && core.equals(core(normalisedEmail.substring(0, at)))) {
                return "must not be the e-mail address's name with digits or symbols added";
            }
        }
        return null;
    }

    /**
     * The letters left when look-alike digits are read as letters (p4ssw0rd) and digits and symbols at either end are
     * dropped; empty when that leaves anything but letters in between.
     */
    private static String core(String lower) {
        int from = 0;
        int to = lower.length();
        while (from < to && !Character.isLetter(lower.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetter(lower.charAt(to - 1))) {
            to--;
        }
        StringBuilder letters = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = switch (lower.charAt(i)) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> lower.charAt(i);
            };
            if (!Character.isLetter(c)) {
                return "";
            }
            letters.append(c);
        }
        return letters.toString();
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
