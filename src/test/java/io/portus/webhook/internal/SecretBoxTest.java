package io.portus.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets at rest: AES-GCM under a key from PORTUS_SECRET_KEY_BASE, or a generated, kept base. */
class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndNeverStoresThePlainText() {
        SecretBox box = new SecretBox("a-base", dir.toString());
        String sealed = box.encrypt("hunter2");
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(box.encrypt("hunter2")).isNotEqualTo(sealed);
        assertThat(box.decrypt(sealed)).isEqualTo("hunter2");
        assertThat(new SecretBox("a-base", dir.toString()).decrypt(sealed)).isEqualTo("hunter2");
    }

    @Test
    void anotherBaseCannotRead() {
        String sealed = new SecretBox("one", dir.toString()).encrypt("x");
        assertThatThrownBy(() -> new SecretBox("two", dir.toString()).decrypt(sealed))
                .hasMessageContaining("PORTUS_SECRET_KEY_BASE");
    }

    @Test
    void withoutABaseOneIsGeneratedOnceAndKept() {
        String sealed = new SecretBox("", dir.toString()).encrypt("x");
        assertThat(Files.exists(dir.resolve("secret_key_base"))).isTrue();
        assertThat(new SecretBox(null, dir.toString()).decrypt(sealed)).isEqualTo("x");
    }
}
