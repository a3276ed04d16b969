package io.qnt9.srs.account;

/** The buckets a request can draw from: one per tier, plus the extra per-address bucket of sign-up and sign-in. */
enum RatePlan {
    ANONYMOUS,
    FREE,
    PAID,
    AUTH;

    static RatePlan of(Tier tier) {
        return switch (tier) {
            case ANONYMOUS -> ANONYMOUS;
            case FREE -> FREE;
            case PAID -> PAID;
        };
    }

    RateLimitProperties.Limit limit(RateLimitProperties properties) {
        return switch (this) {
            case ANONYMOUS -> properties.anonymous();
            case FREE -> properties.free();
            case PAID -> properties.paid();
            case AUTH -> properties.auth();
        };
    }
}
