package io.qnt9.srs.system;

import java.util.Locale;

/** Where the service runs; set by {@code ENVIRONMENT}. Only real differences hang off it (HSTS, secrets). */
public enum DeploymentEnvironment {
    DEV,
    STAGING,
    PRODUCTION;

    /** Accepts the names used in our pipeline: dev, staging, production (also prd/prod). */
    public static DeploymentEnvironment parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "dev", "development", "local", "test" -> DEV;
            case "staging", "stage", "stg" -> STAGING;
            case "production", "prod", "prd" -> PRODUCTION;
            default ->
                throw new IllegalArgumentException(
                        "ENVIRONMENT must be one of dev, staging, production (got '" + value + "')");
        };
    }

    public boolean isProductionLike() {
        return this != DEV;
    }
}
