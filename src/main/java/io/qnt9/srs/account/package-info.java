/**
 * Accounts and the service's security: users (Argon2id password hashes), roles, tiers, short-lived JWT access
 * tokens and rotating refresh tokens, sign-in lockout, the HTTP security configuration (authorization rules, problem
 * responses for 401/403, security headers, CORS, request-size limits) and per-tier rate limits (Bucket4j, in memory
 * or in Redis).
 *
 * <p>API: {@link io.qnt9.srs.account.CurrentUser} (a controller parameter that resolves to the signed-in user),
 * {@link io.qnt9.srs.account.Role}, {@link io.qnt9.srs.account.Tier}.
 */
@ApplicationModule(allowedDependencies = {"system"})
package io.qnt9.srs.account;

import org.springframework.modulith.ApplicationModule;
