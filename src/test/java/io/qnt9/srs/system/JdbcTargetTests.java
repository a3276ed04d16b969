package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcTargetTests {

    @Test
    void keepsJdbcUrlsAndTakesCredentialsFromSettings() {
        JdbcTarget t = JdbcTarget.parse("jdbc:postgresql://db:5432/qnt9", "svc", "pw");
        assertThat(t).isEqualTo(new JdbcTarget("jdbc:postgresql://db:5432/qnt9", "svc", "pw"));
    }

    @Test
    void convertsThePostgresUriFormWithEncodedCredentials() {
        JdbcTarget t = JdbcTarget.parse("postgres://app%40x:p%3Ass@db.example.com:6543/qnt9?sslmode=require", "", "");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/qnt9?sslmode=require");
        assertThat(t.username()).isEqualTo("app@x");
        assertThat(t.password()).isEqualTo("p:ss");
        assertThat(t.redacted()).isEqualTo("jdbc:postgresql://db.example.com:6543/qnt9");
    }

    @Test
    void explicitCredentialsWinOverTheUrls() {
        JdbcTarget t = JdbcTarget.parse("postgresql://u:p@h/db", "other", "secret");
        assertThat(t.username()).isEqualTo("other");
        assertThat(t.password()).isEqualTo("secret");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> JdbcTarget.parse("mysql://h/db", null, null))
                .hasMessageContaining("DATABASE_URL must start with");
        assertThatThrownBy(() -> JdbcTarget.parse("postgres:///db", null, null)).hasMessageContaining("no host");
    }
}
