package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KeyIdsTest {

    @TempDir
    Path dir;

    /**
     * Test vector: the public half of the development key of garita (a Portus-era token server), whose
     * own test asserts this kid; recomputed independently with openssl + sha256 + base32.
     */
    @Test
    void libtrustKidOfAKnownKey() throws Exception {
        Path pem = Path.of(getClass().getResource("/auth/garita-dev-public.pem").toURI());
        PublicKey key = publicKey(pem);
        assertThat(KeyIds.libtrust(key)).isEqualTo("NSN7:VDFR:FTW6:WBBB:7WQK:ABNJ:7CI5:M6YU:7FSD:QS45:A2BR:PAMO");
    }

    @Test
    void libtrustKidHasTwelveGroupsOfFourBase32Characters() {
        assertThat(KeyIds.libtrust(TestKeys.ec().getPublic())).matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
    }

    @Test
    void libtrustKidMatchesAnIndependentComputation() throws Exception {
        for (KeyPair keys : List.of(TestKeys.rsa(), TestKeys.ec())) {
            Path der = Files.write(dir.resolve("key.der"), keys.getPublic().getEncoded());
            String expected = python("""
                    import base64,hashlib,sys
                    s=base64.b32encode(hashlib.sha256(open(sys.argv[1],'rb').read()).digest()[:30]).decode().rstrip('=')
                    print(':'.join(s[i:i+4] for i in range(0,48,4)))
                    """, der.toString());
            assertThat(KeyIds.libtrust(keys.getPublic())).isEqualTo(expected);
        }
    }

    @Test
    void thumbprintMatchesRfc7638ComputedIndependently() throws Exception {
        KeyPair keys = TestKeys.rsa();
        var rsa = (java.security.interfaces.RSAPublicKey) keys.getPublic();
        String expected = python("""
                import base64,hashlib,sys
                b=lambda i: base64.urlsafe_b64encode(i.to_bytes((i.bit_length()+7)//8,'big')).decode().rstrip('=')
                n=int(sys.argv[1]); e=int(sys.argv[2])
                j='{"e":"%s","kty":"RSA","n":"%s"}' % (b(e), b(n))
                print(base64.urlsafe_b64encode(hashlib.sha256(j.encode()).digest()).decode().rstrip('='))
                """, rsa.getModulus().toString(), rsa.getPublicExponent().toString());
        assertThat(KeyIds.thumbprint(keys.getPublic())).isEqualTo(expected);
        assertThat(KeyIds.of(keys.getPublic(), KidFormat.THUMBPRINT)).isEqualTo(expected);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
    }

    private static String python(String script, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed for the cross-check");
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
