package io.portus.it;

import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LDAP sign-in against Debian's OpenLDAP {@code slapd} (package {@code slapd}, installed by {@code ./portus test}),
 * started privately by this test on a free port with its own slapd.conf and data under target/it-work, as the
 * current user: our jar, configured by a Portus {@code config-local.yml} ({@code PORTUS_CONFIG_FILE}) plus one
 * variable, signs a person in with {@code /v2/token} Basic credentials and with the sign-in form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapSlapdIT {

    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    static final String BASE = "dc=example,dc=com";
    static final String ROOT_DN = "cn=admin," + BASE;
    static final String ROOT_PASSWORD = "slapd-root-secret";

    Path dir;
    Process slapd;
    int ldapPort;
    PortusProcess portus;

    @BeforeAll
    void start() throws Exception {
        assertThat(SLAPD).as("slapd is installed (./portus test installs the slapd package)").isExecutable();
        dir = ItPaths.newWorkDir("slapd");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "pidfile " + dir.resolve("slapd.pid"),
                "argsfile " + dir.resolve("slapd.args"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "database mdb",
                "maxsize 67108864",
                "suffix \"" + BASE + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + data,
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by * read",
                ""));
        Path ldif = dir.resolve("data.ldif");
        Files.writeString(ldif, String.join("\n",
                "dn: " + BASE, "objectClass: top", "objectClass: dcObject", "objectClass: organization",
                "o: Example", "dc: example", "",
                "dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people", "",
                "dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups", "",
                "dn: uid=sally,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: sally", "cn: Sally",
                "sn: Slapd", "mail: sally@example.com", "userPassword: sally-ldap-password", "",
                "dn: uid=form,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: form", "cn: Form",
                "sn: User", "userPassword: form-ldap-password", "",
                "dn: cn=slapd-team,ou=groups," + BASE, "objectClass: groupOfNames", "cn: slapd-team",
                "member: uid=sally,ou=people," + BASE, ""));
        run(List.of(SLAPADD.toString(), "-f", conf.toString(), "-l", ldif.toString()));
        ldapPort = FreePorts.next();
        slapd = new ProcessBuilder(SLAPD.toString(), "-h", "ldap://127.0.0.1:" + ldapPort + "/", "-f", conf.toString(),
                "-d", "0").redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        awaitPort(ldapPort);

        // configured as a Portus site is: its config-local.yml (ldap: block, Portus's spelling), the secret from
        // the environment
        Path config = dir.resolve("config-local.yml");
        Files.writeString(config, String.join("\n",
                "ldap:",
                "  enabled: true",
                "  hostname: 127.0.0.1",
                "  port: " + ldapPort,
                "  timeout: 5",
                "  base: \"ou=people," + BASE + "\"",
                "  group_base: \"ou=groups," + BASE + "\"",
                "  authentication:",
                "    enabled: true",
                "    bind_dn: \"" + ROOT_DN + "\"",
                "    password: \"overridden by PORTUS_LDAP_AUTHENTICATION_PASSWORD\"",
                ""));
        portus = PortusProcess.builder("ldap-slapd")
                .env("PORTUS_CONFIG_FILE", config.toString())
                .env("PORTUS_LDAP_AUTHENTICATION_PASSWORD", ROOT_PASSWORD)
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        if (portus != null) {
            portus.close();
        }
        if (slapd != null) {
            slapd.destroy();
            if (!slapd.waitFor(10, TimeUnit.SECONDS)) {
                slapd.destroyForcibly();
            }
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

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(command + ": " + out).isZero();
    }

    private void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!slapd.isAlive()) {
                throw new AssertionError("slapd exited with " + slapd.exitValue() + ": "
                        + Files.readString(dir.resolve("slapd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("slapd did not listen on " + port + ": " + Files.readString(dir.resolve("slapd.log")));
    }
}
