package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsAndEmailsTests {

    @Test
    void passwordsAreTwelveToOneHundredTwentyEightCharactersAndNotTheAddress() {
        assertThat(Passwords.violations("correct horse battery", "ada@example.com"))
                .isEmpty();
        assertThat(Passwords.violations("short", "ada@example.com"))
                .containsExactly("must be at least 12 characters long");
        assertThat(Passwords.violations("p".repeat(129), null)).containsExactly("must be at most 128 characters long");
        assertThat(Passwords.violations(" ".repeat(12), null)).containsExactly("must not be only spaces");
        assertThat(Passwords.violations("ADA@example.com ", "ada@example.com"))
                .contains("must not be the e-mail address");
        assertThat(Passwords.violations("adalovelace1", "adalovelace1@example.com"))
                .contains("must not be the e-mail address");
        assertThat(Passwords.violations(null, null)).containsExactly("must not be empty");
        // characters, not UTF-16 units: twelve emoji are twelve characters
        assertThat(Passwords.violations("🔒🔑🔐🔓🧩🎲🎯🎨🎭🎪🎬🎤", null)).isEmpty();
    }

    @Test
    void passwordsAnAttackerTriesFirstAreRefusedWithTheReason() {
        String repeated = "must use at least 5 different characters";
        String sequence =
                "must not be a sequence of neighbouring characters or keys (like 123456789012 or qwertyuiopas)";
        String common = "is too common: a common word with digits or symbols added";
        // repetition: fewer than five different characters
        assertThat(Passwords.violations("aaaaaaaaaaaa", null)).containsExactly(repeated);
        assertThat(Passwords.violations("abcabcabcabc", null)).containsExactly(repeated);
        assertThat(Passwords.violations("🔒".repeat(12), null)).containsExactly(repeated);
        // sequences of characters or keys, either direction, digits wrapping around
        assertThat(Passwords.violations("123456789012", null)).containsExactly(sequence);
        assertThat(Passwords.violations("210987654321", null)).containsExactly(sequence);
        assertThat(Passwords.violations("abcdefghijklm", null)).containsExactly(sequence);
        assertThat(Passwords.violations("QWERTYUIOPAS", null)).containsExactly(sequence);
        assertThat(Passwords.violations("1qaz2wsx3edc", null)).containsExactly(sequence);
        // a common word with digits or symbols around it, look-alike digits read as letters
        assertThat(Passwords.violations("password1234", null)).containsExactly(common);
        assertThat(Passwords.violations("P@ssw0rd2024!", null)).containsExactly(common);
        assertThat(Passwords.violations("Summer2025!!", null)).containsExactly(common);
        assertThat(Passwords.violations("qwerty123456", null)).containsExactly(common);
        assertThat(Passwords.violations("qnt12345678!", null)).containsExactly(common); // the service's name
        // the address's own name with digits added
        assertThat(Passwords.violations("JohnSmith2024!", "johnsmith@example.com"))
                .containsExactly("must not be the e-mail address's name with digits or symbols added");
        // what is not refused: passphrases, words in the middle of other text, a name that is not the address's
        assertThat(Passwords.violations("correct horse battery staple", "johnsmith@example.com"))
                .isEmpty();
        assertThat(Passwords.violations("my-password-is-long", null)).isEmpty();
        assertThat(Passwords.violations("JohnSmith2024!", "ada@example.com")).isEmpty();
        assertThat(Passwords.violations("Tr0ub4dor&3xyz", null)).isEmpty();
    }

    @Test
    void theDecoyHashIsReadyWithoutStartUpWorkAndNeverMatches() throws Exception {
        Passwords passwords = new Passwords(new AccountProperties(null, null, null));
        // Before the application is ready nobody has hashed the decoy; the first caller does it itself.
        String first = passwords.decoy();
        assertThat(first).startsWith("{argon2}$argon2id$");
        passwords.prepareDecoy(); // the background thread finds the work done
        assertThat(passwords.decoy()).isSameAs(first);

        // An unknown account (null hash) never matches, whatever the password, including the decoy's own.
        assertThat(passwords.matches("decoy-password-that-matches-nothing", null))
                .isFalse();
        assertThat(passwords.matches(null, null)).isFalse();
        String hash = passwords.hash("correct horse battery");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterz", hash)).isFalse();
    }

    @Test
    void theDecoyIsHashedInTheBackgroundOnceTheApplicationIsReady() throws Exception {
        Passwords passwords = new Passwords(new AccountProperties(null, null, null));
        assertThat(passwords.decoyReady()).isFalse(); // nothing hashed at construction, i.e. during start-up
        passwords.prepareDecoy();
        // Done by the background thread: this test never asks for the hash before it is ready.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!passwords.decoyReady() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(passwords.decoyReady()).isTrue();
        assertThat(passwords.decoy()).startsWith("{argon2}$argon2id$");
    }

    @Test
    void addressesAreTrimmedLowerCasedAndPlausible() {
        assertThat(Emails.normalise("  Ada@Example.COM ")).isEqualTo("ada@example.com");
        assertThat(Emails.isValid("ada@example.com")).isTrue();
        assertThat(Emails.isValid("o'brien+news@mail.example.co.uk")).isTrue();
        assertThat(Emails.isValid("ada@localhost")).isFalse();
        assertThat(Emails.isValid("ada example@example.com")).isFalse();
        assertThat(Emails.isValid("<script>@example.com")).isFalse();
        assertThat(Emails.isValid("a".repeat(65) + "@example.com")).isFalse();
        assertThat(Emails.isValid("a@" + "b".repeat(250) + ".com")).isFalse();
        assertThat(Emails.fingerprint("ada@example.com")).hasSize(16).isEqualTo(Emails.fingerprint("ada@example.com"));
    }

    @Test
    void auditValuesStayOnOneLine() {
        assertThat(Audit.clean("a b\nc\"d")).isEqualTo("a_b_c_d");
        assertThat(Audit.clean(null)).isEqualTo("-");
        assertThat(Audit.clean("x".repeat(500))).hasSize(120);
    }
}
