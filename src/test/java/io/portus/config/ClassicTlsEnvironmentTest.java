package io.portus.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassicTlsEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void pumaPairBecomesTheServerSslBundle() throws Exception {
        Path key = Files.writeString(dir.resolve("k.pem"), "x");
        Path crt = Files.writeString(dir.resolve("c.pem"), "x");
        var environment = environment(Map.of("portus.tls.key", key.toString(), "portus.tls.certificate", crt.toString(),
                "portus.tls.trust-own-certificate", "false"));
        assertThat(environment.getProperty("server.ssl.bundle")).isEqualTo("portus");
        assertThat(environment.getProperty("spring.ssl.bundle.pem.portus.keystore.private-key")).isEqualTo("file:" + key);
        assertThat(environment.getProperty("spring.ssl.bundle.pem.portus.keystore.certificate")).isEqualTo("file:" + crt);
    }

    @Test
    void generateUsesTheSelfSignedPairUnderTheDataDir() {
        var environment = environment(Map.of("portus.tls.generate", "true", "portus.data-dir", dir.toString()));
        assertThat(environment.getProperty("spring.ssl.bundle.pem.portus.keystore.certificate"))
                .isEqualTo("file:" + dir.resolve("tls/cert.pem").toAbsolutePath());
        assertThat(dir.resolve("tls/key.pem")).exists();
    }

    @Test
    void nothingAskedMeansPlainHttp() {
        assertThat(environment(Map.of()).getProperty("server.ssl.bundle")).isNull();
    }

    @Test
    void halfAPairOrAMissingFileStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> environment(Map.of("portus.tls.key", "/nope")))
                .hasMessageContaining("PUMA_SSL_CRT");
        assertThatThrownBy(() -> environment(Map.of("portus.tls.key", "/nope/k", "portus.tls.certificate", "/nope/c")))
                .hasMessageContaining("PUMA_SSL_KEY").hasMessageContaining("/nope/k");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ClassicTlsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
