package io.qnt9.srs.system;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One DataSource for both cases: the external PostgreSQL named by {@code DATABASE_URL}, or the embedded one.
 * Pool settings still come from {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Defined whatever the database; it starts a server only without {@code DATABASE_URL}. */
    @Bean
    static EmbeddedPostgresServer embeddedPostgresServer(Environment environment) {
        return new EmbeddedPostgresServer(environment);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            DatabaseProperties properties, SystemProperties system, ObjectProvider<EmbeddedPostgresServer> embedded) {
        JdbcTarget target;
        if (properties.usesEmbedded()) {
            if (system.deploymentEnvironment() == DeploymentEnvironment.PRODUCTION) {
                throw new IllegalStateException(
                        "ENVIRONMENT=production needs an external database: set DATABASE_URL (and DATABASE_USER,"
                                + " DATABASE_PASSWORD). The embedded PostgreSQL is for development only.");
            }
            target = embedded.getObject().awaitRunning();
        } else {
            target = JdbcTarget.parse(properties.url(), properties.username(), properties.password());
            log.info("Using PostgreSQL at {}", target.redacted());
        }
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(target.jdbcUrl());
        ds.setUsername(target.username());
        ds.setPassword(target.password());
        return ds;
    }
}
