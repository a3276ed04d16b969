package io.qnt9.srs.account;

import java.util.Locale;

/** The rate-limit tier of a caller: ANONYMOUS without a token; new accounts are FREE; an admin can grant PAID. */
public enum Tier {
    ANONYMOUS,
    FREE,
    PAID;

    /** The tier named by a token claim or a request, or null when it is not a tier. */
    static Tier parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "ANONYMOUS" -> ANONYMOUS;
            case "FREE" -> FREE;
            case "PAID" -> PAID;
            default -> null;
        };
    }
}
