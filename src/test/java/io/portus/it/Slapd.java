package io.portus.it;

import org.bouncycastle.asn1.x509.GeneralName;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.portus.support.TestCertificates.certificate;
import static io.portus.support.TestCertificates.pem;
import static io.portus.support.TestCertificates.rsa;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's OpenLDAP {@code slapd} (package {@code slapd}, installed by {@code ./portus test}), started privately
 * as the current user with its own slapd.conf and mdb data under {@code dir}, loaded with {@code ldif} by
 * {@code slapadd}. It listens on 127.0.0.1 twice: {@code ldap://} ({@link #ldapPort()}, plain and StartTLS) and
 * {@code ldaps://} ({@link #ldapsPort()}), with a server certificate for {@code 127.0.0.1} (IP SAN) and
 * {@code localhost} issued by a CA made here ({@link #caFile()}); {@link #otherCaFile()} is a second CA that
 * issued nothing slapd uses.
 */
final class Slapd implements AutoCloseable {

    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");

    private final Path dir;
    private final Path caFile;
    private final Path otherCaFile;
    private final int ldapPort;
    private final int ldapsPort;
    private final Process process;

    Slapd(Path dir, String base, String rootDn, String rootPassword, String ldif) throws Exception {
        assertThat(SLAPD).as("slapd is installed (./portus test installs the slapd package)").isExecutable();
        this.dir = dir;
        KeyPair caKeys = rsa();
        X509Certificate ca = certificate(caKeys, "Slapd IT CA", caKeys, "Slapd IT CA", true);
        KeyPair serverKeys = rsa();
        caFile = pem(dir.resolve("ca.pem"), ca);
        Path certFile = pem(dir.resolve("server.pem"),
                certificate(serverKeys, "127.0.0.1", caKeys, "Slapd IT CA", false,
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")));
        Path keyFile = pem(dir.resolve("server-key.pem"), serverKeys.getPrivate());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        KeyPair otherKeys = rsa();
        otherCaFile = pem(dir.resolve("other-ca.pem"),
                certificate(otherKeys, "Another CA", otherKeys, "Another CA", true));

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
                "TLSCACertificateFile " + caFile,
                "TLSCertificateFile " + certFile,
                "TLSCertificateKeyFile " + keyFile,
                "database mdb",
                "maxsize 67108864",
                "suffix \"" + base + "\"",
                "rootdn \"" + rootDn + "\"",
                "rootpw " + rootPassword,
                "directory " + data,
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by * read",
                ""));
        Path ldifFile = dir.resolve("data.ldif");
        Files.writeString(ldifFile, ldif);
        run(List.of(SLAPADD.toString(), "-f", conf.toString(), "-l", ldifFile.toString()));
        ldapPort = FreePorts.next();
        ldapsPort = FreePorts.next();
        process = new ProcessBuilder(SLAPD.toString(),
                "-h", "ldap://127.0.0.1:" + ldapPort + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                "-f", conf.toString(), "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        awaitPort(ldapPort);
        awaitPort(ldapsPort);
    }

    int ldapPort() {
        return ldapPort;
    }

    int ldapsPort() {
        return ldapsPort;
    }

    /** PEM of the CA that issued slapd's certificate. */
    Path caFile() {
        return caFile;
    }

    /** PEM of a CA that has nothing to do with slapd. */
    Path otherCaFile() {
        return otherCaFile;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(command + ": " + out).isZero();
    }

    private void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("slapd exited with " + process.exitValue() + ": "
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
