package io.portus.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import org.bouncycastle.asn1.x509.GeneralName;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import static io.portus.support.TestCertificates.certificate;
import static io.portus.support.TestCertificates.pem;
import static io.portus.support.TestCertificates.rsa;

/**
 * A real LDAP server for tests: UnboundID's in-memory directory with four listeners on 127.0.0.1 — plain LDAP
 * (with StartTLS), LDAPS, and both again with a certificate for another name — using a server certificate for {@code localhost} issued by a CA made for the test
 * ({@link #caFile()}). Entries: {@code ou=people}, {@code ou=admins}, {@code ou=groups} under
 * {@code dc=example,dc=com}; a search account {@value #SEARCH_DN} / {@value #SEARCH_PASSWORD}.
 */
final class TestDirectory implements AutoCloseable {

    static final String BASE = "dc=example,dc=com";
    static final String PEOPLE = "ou=people," + BASE;
    static final String ADMINS = "ou=admins," + BASE;
    static final String GROUPS = "ou=groups," + BASE;
    static final String SEARCH_DN = "cn=search," + BASE;
    static final String SEARCH_PASSWORD = "search-secret";

    final InMemoryDirectoryServer server;
    private final Path caFile;
    private final Path otherCaFile;
    private final int plainPort;

    TestDirectory(Path dir) throws Exception {
        KeyPair caKeys = rsa();
        X509Certificate ca = certificate(caKeys, "Test LDAP CA", caKeys, "Test LDAP CA", true);
        KeyPair serverKeys = rsa();
        X509Certificate serverCert = certificate(serverKeys, "localhost", caKeys, "Test LDAP CA", false,
                new GeneralName(GeneralName.dNSName, "localhost"));
        X509Certificate otherNameCert = certificate(serverKeys, "ldap.other.test", caKeys, "Test LDAP CA", false,
                new GeneralName(GeneralName.dNSName, "ldap.other.test"));
        caFile = pem(dir.resolve("ldap-ca.pem"), ca);
        KeyPair otherKeys = rsa();
        otherCaFile = pem(dir.resolve("other-ca.pem"), certificate(otherKeys, "Other CA", otherKeys, "Other CA", true));

        char[] pass = "changeit".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, pass);
        keyStore.setKeyEntry("server", serverKeys.getPrivate(), pass, new Certificate[] {serverCert, ca});
        keyStore.setKeyEntry("other", serverKeys.getPrivate(), pass, new Certificate[] {otherNameCert, ca});
        Path keyStoreFile = dir.resolve("ldap-server.p12");
        try (var out = Files.newOutputStream(keyStoreFile)) {
            keyStore.store(out, pass);
        }
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStoreFile.toFile(), pass, "PKCS12", "server"),
                new TrustAllTrustManager());
        SSLUtil otherNameSsl = new SSLUtil(new KeyStoreKeyManager(keyStoreFile.toFile(), pass, "PKCS12", "other"),
                new TrustAllTrustManager());
        SSLUtil clientSsl = new SSLUtil(new TrustAllTrustManager());

        plainPort = freePort();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(SEARCH_DN, SEARCH_PASSWORD);
        InetAddress localhost = InetAddress.getByName("127.0.0.1");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("plain", localhost, plainPort,
                        serverSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", localhost, 0,
                        serverSsl.createSSLServerSocketFactory(), clientSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig("other-name", localhost, 0,
                        otherNameSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps-other-name", localhost, 0,
                        otherNameSsl.createSSLServerSocketFactory(), clientSsl.createSSLSocketFactory()));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        for (String ou : new String[] {"people", "admins", "groups"}) {
            server.add("dn: ou=" + ou + "," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: " + ou);
        }
        server.startListening();
    }

    int plainPort() {
        return plainPort;
    }

    int ldapsPort() {
        return server.getListenPort("ldaps");
    }

    /** StartTLS with a certificate (from the same CA) for ldap.other.test instead of localhost. */
    int otherNamePort() {
        return server.getListenPort("other-name");
    }

    int otherNameLdapsPort() {
        return server.getListenPort("ldaps-other-name");
    }

    Path caFile() {
        return caFile;
    }

    Path otherCaFile() {
        return otherCaFile;
    }

    /** Adds a person under {@code ou} (people or admins); {@code mail} may be null. */
    String person(String ou, String uid, String password, String mail, String employeeType) throws Exception {
        String dn = "uid=" + uid + ",ou=" + ou + "," + BASE;
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("dn: " + dn, "objectClass: top",
                "objectClass: person", "objectClass: organizationalPerson", "objectClass: inetOrgPerson",
                "uid: " + uid, "cn: " + uid, "sn: " + uid, "userPassword: " + password));
        if (mail != null) {
            lines.add("mail: " + mail);
        }
        if (employeeType != null) {
            lines.add("employeeType: " + employeeType);
        }
        server.add(lines.toArray(String[]::new));
        return dn;
    }

    String group(String cn, String... memberDns) throws Exception {
        String dn = "cn=" + cn + "," + GROUPS;
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("dn: " + dn, "objectClass: top",
                "objectClass: groupOfNames", "cn: " + cn));
        for (String m : memberDns) {
            lines.add("member: " + m);
        }
        server.add(lines.toArray(String[]::new));
        return dn;
    }

    void removeMember(String groupDn, String memberDn) throws LDAPException {
        server.modify(groupDn, new Modification(ModificationType.DELETE, "member", memberDn));
    }

    void setPassword(String dn, String password) throws LDAPException {
        server.modify(dn, new Modification(ModificationType.REPLACE, "userPassword", password));
    }

    /** Stops the plain listener (the directory is "down" for clients using it) until {@link #up()}. */
    void down() {
        server.shutDown("plain", true);
    }

    void up() throws LDAPException {
        server.startListening("plain");
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }



}
