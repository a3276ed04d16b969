package io.qnt9.srs.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses: one normal form (trimmed, lower-case), a plausibility check, and a hash for logs and counters. */
final class Emails {

    static final int MAX_LENGTH = 254;
    // Dot-atom local part and a dotted domain of letters, digits and hyphens: what mail systems deliver to in practice.
    private static final Pattern ADDRESS =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private Emails() {}

    /** Trimmed and lower-cased; null stays null. */
    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised address is acceptable for an account. */
    static boolean isValid(String normalised) {
        if (normalised == null || normalised.isEmpty() || normalised.length() > MAX_LENGTH) {
            return false;
        }
        int at = normalised.indexOf('@');
        return at > 0 && at <= 64 && ADDRESS.matcher(normalised).matches();
    }

    /** SHA-256 of the normalised address: the key of the sign-in throttle. */
    static byte[] hash(String normalised) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A short, stable pseudonym for audit lines about addresses that may not belong to any account. */
    static String fingerprint(String normalised) {
        return HexFormat.of().formatHex(hash(normalised == null ? "" : normalised), 0, 8);
    }
}
