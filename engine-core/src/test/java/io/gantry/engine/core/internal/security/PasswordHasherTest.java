package io.gantry.engine.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher cheap = new PasswordHasher(SecurityTestbed.CHEAP_ITERATIONS);

    @Test
    void storesPbkdf2Sha256WithTheIterationCountASixteenByteSaltAndA256BitHash() {
        String stored = new PasswordHasher().hash("correct horse battery");

        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("600000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
    }

    @Test
    void acceptsTheRightPasswordAndRefusesAWrongOne() {
        String stored = cheap.hash("correct horse battery");

        assertThat(cheap.verify("correct horse battery", stored)).isTrue();
        assertThat(cheap.verify("correct horse batterY", stored)).isFalse();
        assertThat(cheap.verify("", stored)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(cheap.hash("correct horse battery")).isNotEqualTo(cheap.hash("correct horse battery"));
    }

    @Test
    void readsTheIterationCountBackSoThatRaisingItKeepsOldPasswordsWorking() {
        String old = cheap.hash("correct horse battery");

        PasswordHasher raised = new PasswordHasher(2 * SecurityTestbed.CHEAP_ITERATIONS);

        assertThat(raised.verify("correct horse battery", old)).isTrue();
        assertThat(raised.hash("correct horse battery")).startsWith("pbkdf2-sha256$2000$");
    }

    @Test
    void refusesStoredValuesItCannotRead() {
        String stored = cheap.hash("correct horse battery");
        String[] parts = stored.split("\\$");

        assertThat(cheap.verify("correct horse battery", "plain")).isFalse();
        assertThat(cheap.verify("correct horse battery", stored.replace("pbkdf2-sha256", "md5")))
                .isFalse();
        assertThat(cheap.verify("correct horse battery", parts[0] + "$x$" + parts[2] + "$" + parts[3]))
                .isFalse();
        assertThat(cheap.verify("correct horse battery", parts[0] + "$1000$!!$" + parts[3]))
                .isFalse();
        assertThat(cheap.verify("correct horse battery", parts[0] + "$1000$" + parts[2] + "$"))
                .isFalse();
    }
}
