package io.portus.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key files as openssl writes them (PKCS#1, SEC1, PKCS#8), and where their certificate is found. */
class SigningKeyLoaderTest {

    @TempDir
    Path dir;

    @Test
    void pkcs1RsaKeyWithCertificateBesideIt() throws Exception {
        openssl("req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", "server-key.pem", "-out", "server-crt.pem");
        openssl("rsa", "-in", "server-key.pem", "-traditional", "-out", "server-key.pem");
        assertThat(Files.readString(dir.resolve("server-key.pem"))).contains("BEGIN RSA PRIVATE KEY");
        SigningKey key = load(dir.resolve("server-key.pem").toString(), "", "", "");
        assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.chain()).hasSize(1);
        assertThat(key.chain().getFirst().getPublicKey()).isEqualTo(key.publicKey());
        assertThat(key.source()).contains("server-crt.pem");
    }

    @Test
    void pkcs8RsaKeyWithExplicitCertificate() throws Exception {
        openssl("req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", "a.key", "-out", "elsewhere.pem");
        assertThat(Files.readString(dir.resolve("a.key"))).contains("BEGIN PRIVATE KEY");
        SigningKey key = load(dir.resolve("a.key").toString(), dir.resolve("elsewhere.pem").toString(), "", "");
        assertThat(key.chain()).hasSize(1);
    }

    @Test
    void sec1EcKeyGivesEs256() throws Exception {
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key");
        assertThat(Files.readString(dir.resolve("ec.key"))).contains("BEGIN EC PRIVATE KEY");
        openssl("req", "-x509", "-new", "-key", "ec.key", "-days", "1", "-subj", "/CN=ec", "-out", "ec.crt");
        SigningKey key = load(dir.resolve("ec.key").toString(), "", "", "");
        assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.chain()).hasSize(1);
    }

    @Test
    void pkcs8EcKeyWithoutPublicHalfIsDerived() throws Exception {
        var keys = TestKeys.ec();
        Path file = TestKeys.writePkcs8(dir.resolve("k.pem"), keys.getPrivate());
        SigningKey key = load(file.toString(), "", "", "");
        assertThat(key.publicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(key.chain()).isEmpty();
        assertThat(key.source()).contains("only a kid");
    }

    @Test
    void certificateOfAnotherKeyIsRefused() throws Exception {
        openssl("req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=a", "-keyout", "a.key", "-out", "a.crt");
        openssl("req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=b", "-keyout", "b.key", "-out", "b.crt");
        assertThatThrownBy(() -> load(dir.resolve("a.key").toString(), dir.resolve("b.crt").toString(), "", ""))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("does not hold the public key");
        // a non-matching certificate beside the key is simply not used
        Files.move(dir.resolve("b.crt"), dir.resolve("cert.pem"));
        Files.delete(dir.resolve("a.crt"));
        assertThat(load(dir.resolve("a.key").toString(), "", "", "").chain()).isEmpty();
    }

    @Test
    void encryptedKeyIsRefusedWithAHint() throws Exception {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes256", "-pass", "pass:x", "-out", "enc.key");
        assertThatThrownBy(() -> load(dir.resolve("enc.key").toString(), "", "", ""))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("encrypted");
    }

    @Test
    void missingOrGarbageKeyNamesTheSetting() throws Exception {
        assertThatThrownBy(() -> load(dir.resolve("nope.pem").toString(), "", "", ""))
                .hasMessageContaining("PORTUS_ENCRYPTION_PRIVATE_KEY_PATH");
        Files.writeString(dir.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> load(dir.resolve("junk.pem").toString(), "", "", ""))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("junk.pem");
    }

    @Test
    void httpsPairIsUsedWhenNoSigningKeyIsConfigured() throws Exception {
        openssl("req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=t", "-keyout", "tls.key", "-out", "tls.crt");
        SigningKey key = load("", "", dir.resolve("tls.key").toString(), dir.resolve("tls.crt").toString());
        assertThat(key.source()).contains("HTTPS pair");
        assertThat(key.chain()).hasSize(1);
    }

    @Test
    void nothingConfiguredGeneratesOnceAndReuses() throws Exception {
        SigningKey first = load("", "", "", "");
        SigningKey second = load("", "", "", "");
        assertThat(first.source()).contains("generated");
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(first.chain()).hasSize(1);
    }

    private SigningKey load(String key, String cert, String tlsKey, String tlsCert) {
        return SigningKeyLoader.load(new SigningKeyLoader.Sources(key, cert, tlsKey, tlsCert, dir.resolve("gen")));
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
    }
}
