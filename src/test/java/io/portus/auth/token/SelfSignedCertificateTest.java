package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SelfSignedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void theOneCertificateOfTheClassicSetup() throws Exception {
        var files = SelfSignedCertificate.ensure(dir.resolve("tls"));
        var certificate = Pem.readCertificates(files.certificate()).getFirst();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(4096);
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        certificate.verify(certificate.getPublicKey());
        var keys = Pem.readKeyPair(files.key());
        assertThat(keys.getPublic()).isEqualTo(certificate.getPublicKey());
        assertThat(Files.getPosixFilePermissions(files.key()))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        byte[] before = Files.readAllBytes(files.certificate());
        SelfSignedCertificate.ensure(dir.resolve("tls"));
        assertThat(Files.readAllBytes(files.certificate())).isEqualTo(before);
        try (var listing = Files.list(dir.resolve("tls"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("key.pem", "cert.pem");
        }
    }
}
