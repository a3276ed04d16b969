/**
 * Cross-cutting concerns: database wiring (embedded default or external PostgreSQL), the deployment
 * environment, request ids, RFC 9457 problem responses, and the {@code /health} endpoint. Depends on no
 * other module.
 */
@ApplicationModule(allowedDependencies = {})
package io.qnt9.srs.system;

import org.springframework.modulith.ApplicationModule;
