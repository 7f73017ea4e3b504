package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start's key pair, searched for while the application starts ({@link SigningKeyPrefetch}). */
class KeyPrefetchTest {

    @TempDir
    Path dir;

    @Test
    void aFirstStartWithNothingConfiguredStartsTheSearchAndEnsureWritesThatPair() {
        new SigningKeyPrefetch().postProcessEnvironment(environment(Map.of("portus.data-dir", dir.toString())), null);
        Path tls = dir.resolve("tls");
        var files = SelfSignedCertificate.ensure(tls);
        assertThat(Pem.readKeyPair(files.key()).getPublic()).isEqualTo(
                Pem.readCertificates(files.certificate()).getFirst().getPublicKey());
        assertThat(KeyPrefetch.take(tls)).as("ensure took the pending pair").isEmpty();
    }

    @Test
    void aPairTakenIsTheOneTheSearchFound() {
        KeyPrefetch.start(dir.resolve("tls"));
        assertThat(KeyPrefetch.take(dir.resolve("x/../tls"))).hasValueSatisfying(keys ->
                assertThat(keys.getPublic().getAlgorithm()).isEqualTo("RSA"));
        assertThat(KeyPrefetch.take(dir.resolve("tls"))).isEmpty();
    }

    @Test
    void nothingIsSearchedForWhenAKeyIsConfiguredOrAlreadyGeneratedOrInTheCli() {
        new SigningKeyPrefetch().postProcessEnvironment(environment(Map.of("portus.data-dir", dir.toString(),
                "portus.token.key-path", "/etc/portus/key.pem")), null);
        assertThat(KeyPrefetch.take(dir.resolve("tls"))).isEmpty();
        new SigningKeyPrefetch().postProcessEnvironment(environment(Map.of("portus.data-dir", dir.toString(),
                "portus.tls.key", "/etc/portus/tls.key", "portus.tls.certificate", "/etc/portus/tls.crt")), null);
        assertThat(KeyPrefetch.take(dir.resolve("tls"))).isEmpty();

        SpringApplication cli = new SpringApplication(Object.class);
        cli.setWebApplicationType(WebApplicationType.NONE);
        new SigningKeyPrefetch().postProcessEnvironment(environment(Map.of("portus.data-dir", dir.toString())), cli);
        assertThat(KeyPrefetch.take(dir.resolve("tls"))).as("the operator CLI makes no key").isEmpty();

        SelfSignedCertificate.ensure(dir.resolve("tls"));
        KeyPrefetch.start(dir.resolve("tls"));
        assertThat(KeyPrefetch.take(dir.resolve("tls"))).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
