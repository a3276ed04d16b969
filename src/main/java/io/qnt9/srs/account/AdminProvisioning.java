package io.qnt9.srs.account;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD} when both are set and no account has
 * that address. An existing account is never touched (its password is not reset, its role not changed), so the
 * variables can stay in place after the first start. There is no default password.
 */
@Component
class AdminProvisioning implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdminProvisioning.class);

    private final AccountProperties.Admin admin;
    private final UserRepository users;
    private final Passwords passwords;
    private final Clock clock;

    AdminProvisioning(AccountProperties properties, UserRepository users, Passwords passwords, Clock clock) {
        this.admin = properties.admin();
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        boolean email = admin.email() != null && !admin.email().isBlank();
        boolean password = admin.password() != null && !admin.password().isEmpty();
        if (!email && !password) {
            return;
        }
        if (email != password) {
            log.warn("Only one of ADMIN_EMAIL and ADMIN_PASSWORD is set; no admin is provisioned. Set both.");
            return;
        }
        String address = Emails.normalise(admin.email());
        if (!Emails.isValid(address)) {
            throw new IllegalStateException("ADMIN_EMAIL is not a valid e-mail address.");
        }
        List<String> problems = Passwords.violations(admin.password(), address);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ADMIN_PASSWORD " + String.join(", ", problems) + ".");
        }
        if (users.findByEmail(address).isPresent()) {
            log.info("Admin account {} already exists; left unchanged", address);
            return;
        }
        try {
            var user = users.insert(address, passwords.hash(admin.password()), Role.ADMIN, Tier.PAID, clock.instant());
            log.info("Provisioned admin account {} (id {}) from ADMIN_EMAIL", address, user.id());
            Audit.LOG.info("event=admin-provisioned user={} email={}", user.id(), address);
        } catch (DuplicateKeyException raced) {
            log.info("Admin account {} was created by another replica", address);
        }
    }
}
