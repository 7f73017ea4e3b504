package io.portus.it;

import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LDAP sign-in against Debian's OpenLDAP {@code slapd} ({@link Slapd}: started privately by this test as the
 * current user, one process for every case, listening on {@code ldap://} and {@code ldaps://} with a certificate
 * from a CA made here): our jar, configured by a Portus {@code config-local.yml} ({@code PORTUS_CONFIG_FILE}) plus
 * variables, signs a person in with {@code /v2/token} Basic credentials and with the sign-in form over plain LDAP,
 * and with {@code /v2/token} over StartTLS and over LDAPS trusting only the CA file. LdapProperties is read once at
 * start-up, so each encryption method needs its own jar: three jars. The CA file is read at
 * each connection, so the refusal of a server whose certificate another CA issued is shown on the same two jars by
 * putting that other CA into their CA file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapSlapdIT {

    static final String BASE = "dc=example,dc=com";
    static final String ROOT_DN = "cn=admin," + BASE;
    static final String ROOT_PASSWORD = "slapd-root-secret";

    Path dir;
    Slapd slapd;
    PortusProcess portus;
    PortusProcess startTls;
    Path startTlsCaFile;
    PortusProcess ldaps;
    Path ldapsCaFile;

    @BeforeAll
    void start() throws Exception {
        dir = ItPaths.newWorkDir("slapd");
        slapd = new Slapd(dir, BASE, ROOT_DN, ROOT_PASSWORD, String.join("\n",
                "dn: " + BASE, "objectClass: top", "objectClass: dcObject", "objectClass: organization",
                "o: Example", "dc: example", "",
                "dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people", "",
                "dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups", "",
                "dn: uid=sally,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: sally", "cn: Sally",
                "sn: Slapd", "mail: sally@example.com", "userPassword: sally-ldap-password", "",
                "dn: uid=tina,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: tina", "cn: Tina",
                "sn: Tls", "mail: tina@example.com", "userPassword: tina-ldap-password", "",
                "dn: uid=form,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: form", "cn: Form",
                "sn: User", "userPassword: form-ldap-password", "",
                "dn: cn=slapd-team,ou=groups," + BASE, "objectClass: groupOfNames", "cn: slapd-team",
                "member: uid=sally,ou=people," + BASE, ""));

        // configured as a Portus site is: its config-local.yml (ldap: block, Portus's spelling), the secret from
        // the environment
        Path config = dir.resolve("config-local.yml");
        Files.writeString(config, String.join("\n",
                "ldap:",
                "  enabled: true",
                "  hostname: 127.0.0.1",
                "  port: " + slapd.ldapPort(),
                "  timeout: 5",
                "  base: \"ou=people," + BASE + "\"",
                "  group_base: \"ou=groups," + BASE + "\"",
                "  authentication:",
                "    enabled: true",
                "    bind_dn: \"" + ROOT_DN + "\"",
                "    password: \"overridden by PORTUS_LDAP_AUTHENTICATION_PASSWORD\"",
                ""));
        // each TLS jar has its own copy of the CA file, which a test replaces for a while
        startTlsCaFile = Files.copy(slapd.caFile(), dir.resolve("ca-start-tls.pem"));
        ldapsCaFile = Files.copy(slapd.caFile(), dir.resolve("ca-ldaps.pem"));
        // one after the other: side by side they only share the same CPUs and each takes longer to start
        portus = jar(config, "ldap-slapd").start();
        startTls = jar(config, "ldap-slapd-start-tls")
                .env("PORTUS_LDAP_ENCRYPTION_METHOD", "start_tls")
                .env("PORTUS_LDAP_ENCRYPTION_OPTIONS_CA_FILE", startTlsCaFile.toString())
                .start();
        ldaps = jar(config, "ldap-slapd-ldaps")
                .env("PORTUS_LDAP_PORT", Integer.toString(slapd.ldapsPort()))
                .env("PORTUS_LDAP_ENCRYPTION_METHOD", "simple_tls")
                .env("PORTUS_LDAP_ENCRYPTION_OPTIONS_CA_FILE", ldapsCaFile.toString())
                .start();
    }

    private PortusProcess.Builder jar(Path config, String name) {
        return PortusProcess.builder(name)
                .env("PORTUS_CONFIG_FILE", config.toString())
                .env("PORTUS_LDAP_AUTHENTICATION_PASSWORD", ROOT_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        for (PortusProcess jar : new PortusProcess[] {portus, startTls, ldaps}) {
            if (jar != null) {
                jar.close();
            }
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void tokenAndSignInFormWithSlapdCredentials() {
        PortusApi api = new PortusApi(portus.baseUri().toString());
        String service = portus.hostPort();
        HttpResponse<String> wrong = api.token("sally", "not-her-password", service);
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> ok = api.token("sally", "sally-ldap-password", service);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Json.parse(ok.body()).path("token").asString()).isNotEmpty();

        BrowserClient browser = new BrowserClient(portus.port());
        HttpResponse<String> refused = browser.signIn("form", "wrong-password");
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("/users/sign_in?error");
        HttpResponse<String> signedIn = browser.signIn("form", "form-ldap-password");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("sign_in");
        // "form" has no mail in the directory: every page sends them to the profile to add one, as Portus does
        HttpResponse<String> dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElse("")).endsWith("/profile");
        String csrf = browser.csrf("/profile");
        assertThat(browser.post("/profile", Map.of("_csrf", csrf, "email", "form@example.com")).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void startTlsTrustingOnlyTheCaFile() throws IOException {
        signsInOnlyWithTheRightCa(startTls, startTlsCaFile);
    }

    @Test
    void ldapsTrustingOnlyTheCaFile() throws IOException {
        signsInOnlyWithTheRightCa(ldaps, ldapsCaFile);
    }

    /**
     * sally signs in through TLS; tina, who never signed in on this jar (so no cached password spares the
     * directory), is refused with 401 while the CA file holds another CA, and signs in once it is the right one again.
     */
    private void signsInOnlyWithTheRightCa(PortusProcess jar, Path caFile) throws IOException {
        PortusApi api = new PortusApi(jar.baseUri().toString());
        String service = jar.hostPort();
        assertThat(api.token("sally", "not-her-password", service).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = api.token("sally", "sally-ldap-password", service);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Json.parse(ok.body()).path("token").asString()).isNotEmpty();

        Files.copy(slapd.otherCaFile(), caFile, StandardCopyOption.REPLACE_EXISTING);
        try {
            HttpResponse<String> refused = api.token("tina", "tina-ldap-password", service);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.body()).contains("LDAP");
        } finally {
            Files.copy(slapd.caFile(), caFile, StandardCopyOption.REPLACE_EXISTING);
        }
        HttpResponse<String> trusted = api.token("tina", "tina-ldap-password", service);
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
        // refused for the certificate, not for anything else that could stop a connection
        assertThat(Files.readString(jar.logFile())).contains("LDAP sign-in of 'tina' failed")
                .contains("SSLHandshakeException")
                .doesNotContain("tina-ldap-password").doesNotContain(ROOT_PASSWORD);
    }
}
