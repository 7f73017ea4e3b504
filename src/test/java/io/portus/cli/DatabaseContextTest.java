package io.portus.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseContextTest {

    @Test
    void opensTheDefaultH2DatabaseMigrated(@TempDir Path data) {
        try (DatabaseContext db = DatabaseContext.open(new Class<?>[0], "portus.data-dir=" + data)) {
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isNotNull();
        }
        assertThat(data.resolve("db")).exists();
    }
}
