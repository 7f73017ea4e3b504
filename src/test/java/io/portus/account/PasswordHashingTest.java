package io.portus.account;

import io.portus.account.internal.PasswordHashing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Devise/ruby-bcrypt compatibility of the stored password hashes. */
class PasswordHashingTest {

    /** {@code htpasswd -bnBC 10 "" 'correct horse battery'} ($2y$, the same algorithm), as Portus's $2a$. */
    static final String PORTUS_HASH = "$2a$10$fejhVwdqt9K7SLOox/aZ.uKaJFQ2REYK38uXwnaNdzE/mMubftNPq";

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void aDeviseHashFromPortusVerifies() {
        assertThat(hashing.matches("correct horse battery", PORTUS_HASH)).isTrue();
        assertThat(hashing.matches("correct horse batterY", PORTUS_HASH)).isFalse();
        assertThat(hashing.matches("correct horse battery", PORTUS_HASH.replace("$2a$", "$2y$"))).isTrue();
    }

    @Test
    void newHashesAreDeviseStyleBcryptCostTen() {
        String hash = hashing.hash("s3cret-password");
        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(hashing.matches("s3cret-password", hash)).isTrue();
        assertThat(hashing.matches("s3cret-passwore", hash)).isFalse();
    }

    @Test
    void noPasswordOrAMalformedHashNeverMatches() {
        assertThat(hashing.matches("anything", "")).isFalse();
        assertThat(hashing.matches("anything", null)).isFalse();
        assertThat(hashing.matches("anything", "plain-text")).isFalse();
    }

    @Test
    void onlyTheFirst72BytesCountAsInRubyBcrypt() {
        String longPassword = "x".repeat(72) + "tail";
        String hash = hashing.hash(longPassword);
        assertThat(hashing.matches(longPassword, hash)).isTrue();
        assertThat(hashing.matches("x".repeat(72), hash)).isTrue();
        String unicode = "é".repeat(40);
        assertThat(hashing.matches(unicode, hashing.hash(unicode))).isTrue();
    }
}
