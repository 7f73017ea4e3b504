package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRotationTest {

    @Test
    void theGeneratedPairIsReplacedAndThePreviousCertificateStaysTrustedUntilRetired(@TempDir Path data) {
        MockEnvironment env = new MockEnvironment().withProperty("portus.data-dir", data.toString());
        String before = KeyRotation.state(env).kid();

        KeyRotation.Rotated rotated = KeyRotation.rotate(env);

        assertThat(rotated.previousKid()).isEqualTo(before);
        assertThat(rotated.newKid()).isNotEqualTo(before);
        assertThat(rotated.previousCertificate()).isEqualTo(data.resolve("tls/cert.pem.previous"));
        SigningKey now = load(data);
        assertThat(KeyIds.libtrust(now.publicKey())).isEqualTo(rotated.newKid());
        assertThat(KeyRotation.previousCertificates(now)).singleElement()
                .satisfies(c -> assertThat(KeyIds.libtrust(c.getPublicKey())).isEqualTo(before));
        TrustedKeys trusted = new TrustedKeys(now.publicKey(), now.chain(), KeyRotation.previousCertificates(now));
        assertThat(trusted.byKid(before)).isPresent();
        assertThat(trusted.byKid(rotated.newKid())).isPresent();
        assertThat(KeyRotation.state(env).previousKid()).contains(before);

        assertThatThrownBy(() -> KeyRotation.rotate(env)).isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("rotate-key --retire");

        assertThat(KeyRotation.retire(env)).contains(rotated.previousCertificate());
        assertThat(KeyRotation.previousCertificates(load(data))).isEmpty();
        assertThat(KeyRotation.retire(env)).isEmpty();
    }

    @Test
    void aConfiguredEcKeyWithoutCertificateGetsANewKeyOnTheSameCurve(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair keys = generator.generateKeyPair();
        Path key = TestKeys.writePkcs8(dir.resolve("token.key"), keys.getPrivate());
        MockEnvironment env = new MockEnvironment().withProperty("portus.data-dir", dir.toString())
                .withProperty("portus.token.key-path", key.toString());

        KeyRotation.Rotated rotated = KeyRotation.rotate(env);

        assertThat(rotated.key()).isEqualTo(key);
        assertThat(rotated.certificate()).isEqualTo(dir.resolve("token.crt"));
        assertThat(Files.exists(dir.resolve("token.crt.previous"))).isTrue();
        SigningKey now = SigningKeyLoader.load(new SigningKeyLoader.Sources(key.toString(), "", "", "", dir));
        assertThat(now.publicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(now.algorithm().getName()).isEqualTo("ES384");
        assertThat(KeyIds.libtrust(KeyRotation.previousCertificates(now).getFirst().getPublicKey()))
                .isEqualTo(KeyIds.libtrust(keys.getPublic()));
    }

    @Test
    void theHttpsPairIsNotRotatedHere(@TempDir Path dir) {
        MockEnvironment env = new MockEnvironment().withProperty("portus.data-dir", dir.toString())
                .withProperty("portus.tls.key", "/etc/ssl/key.pem").withProperty("portus.tls.certificate", "/etc/ssl/crt.pem");
        assertThatThrownBy(() -> KeyRotation.rotate(env)).isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("PUMA_SSL_KEY");
    }

    private static SigningKey load(Path data) {
        return SigningKeyLoader.load(new SigningKeyLoader.Sources("", "", "", "", data.resolve("tls")));
    }
}
