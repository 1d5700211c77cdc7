package io.gantry.engine.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {
    private final TokenSecrets secrets = new TokenSecrets();

    @Test
    void aSecretIsThePrefixAnd32RandomBytesInBase64UrlWithoutPadding() {
        String secret = secrets.newSecret();

        assertThat(secret).startsWith("gnt_").hasSize(47).doesNotContain("=");
        assertThat(Base64.getUrlDecoder().decode(secret.substring(4))).hasSize(32);
        assertThat(TokenSecrets.isWellFormed(secret)).isTrue();
        assertThat(secrets.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void anIdIsThePrefixAndTwelveBase64UrlCharacters() {
        assertThat(secrets.newId()).matches("tok_[A-Za-z0-9_-]{12}");
    }

    @Test
    void onlyTheExactShapeIsWellFormed() {
        String secret = secrets.newSecret();

        assertThat(TokenSecrets.isWellFormed(null)).isFalse();
        assertThat(TokenSecrets.isWellFormed("")).isFalse();
        assertThat(TokenSecrets.isWellFormed("gnt_")).isFalse();
        assertThat(TokenSecrets.isWellFormed(secret.substring(0, secret.length() - 1)))
                .isFalse();
        assertThat(TokenSecrets.isWellFormed(secret + "A")).isFalse();
        assertThat(TokenSecrets.isWellFormed("gnx_" + secret.substring(4))).isFalse();
        assertThat(TokenSecrets.isWellFormed("GNT_" + secret.substring(4))).isFalse();
        assertThat(TokenSecrets.isWellFormed(secret.substring(0, 10) + "+" + secret.substring(11)))
                .isFalse();
        assertThat(TokenSecrets.isWellFormed(secret.substring(0, 10) + "=" + secret.substring(11)))
                .isFalse();
        assertThat(TokenSecrets.isWellFormed(secret.substring(0, 10) + "é" + secret.substring(11)))
                .isFalse();
    }

    @Test
    void theStoredHashIsTheHexOfTheSha256() {
        // SHA-256 of "abc", FIPS 180-2
        assertThat(TokenSecrets.hex(TokenSecrets.sha256("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
