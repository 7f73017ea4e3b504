package io.portus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(Application.CARRIERS);
        System.clearProperty(Application.CARRIERS);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Application.CARRIERS);
        } else {
            System.setProperty(Application.CARRIERS, saved);
        }
    }

    @Test
    void twoCarrierThreadsPerCoreByDefault() {
        Application.carriers(2);
        assertThat(System.getProperty(Application.CARRIERS)).isEqualTo("4");
    }

    @Test
    void theOperatorsSettingWins() {
        System.setProperty(Application.CARRIERS, "3");
        Application.carriers(2);
        assertThat(System.getProperty(Application.CARRIERS)).isEqualTo("3");
    }
}
