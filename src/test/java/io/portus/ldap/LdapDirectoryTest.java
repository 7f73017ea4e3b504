package io.portus.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LdapDirectory} against a real (in-memory) LDAP server: search, bind, filters, TLS, groups, down. */
class LdapDirectoryTest {

    @TempDir
    static Path dir;
    static TestDirectory ldap;
    static String aliceDn;

    @BeforeAll
    static void start() throws Exception {
        ldap = new TestDirectory(dir);
        aliceDn = ldap.person("people", "alice", "alice-secret", "alice@example.com", "staff");
        ldap.person("people", "bob", "bob-secret", null, "contractor");
        ldap.person("admins", "root", "root-secret", null, null);
        ldap.group("devs", aliceDn);
    }

    @AfterAll
    static void stop() {
        ldap.close();
    }

    static LdapProperties properties(String host, int port, String method, String caFile, boolean bindDn,
                                     String password, String filter, String adminBase) {
        return new LdapProperties(true, host, port, Duration.ofSeconds(3),
                new LdapProperties.Encryption(method, new LdapProperties.Options(caFile)), TestDirectory.PEOPLE,
                adminBase, TestDirectory.GROUPS, filter, "uid",
                new LdapProperties.Authentication(bindDn, bindDn ? TestDirectory.SEARCH_DN : "", password),
                new LdapProperties.GroupSync(true, "viewer", Duration.ZERO), new LdapProperties.GuessEmail(false, ""));
    }

    static LdapDirectory plain(boolean bindDn, String filter) {
        return new LdapDirectory(properties("127.0.0.1", ldap.plainPort(), "", "", bindDn, TestDirectory.SEARCH_PASSWORD,
                filter, ""));
    }

    @Test
    void anonymousSearchThenBind() throws Exception {
        LdapDirectory directory = plain(false, "");
        try (LDAPConnection c = directory.searchConnection()) {
            var alice = directory.findPerson(c, "alice").orElseThrow();
            assertThat(alice.normalizedDn()).isEqualTo("uid=alice,ou=people,dc=example,dc=com");
            assertThat(alice.admin()).isFalse();
            assertThat(directory.passwordMatches(c, alice.dn(), "alice-secret")).isTrue();
            assertThat(directory.passwordMatches(c, alice.dn(), "wrong")).isFalse();
            assertThat(directory.passwordMatches(c, alice.dn(), "")).as("empty password: no bind at all").isFalse();
            assertThat(directory.findPerson(c, "nobody")).isEmpty();
        }
    }

    @Test
    void searchWithTheBindDnAndAWrongBindPasswordIsAnError() throws Exception {
        LdapDirectory directory = plain(true, "");
        try (LDAPConnection c = directory.searchConnection()) {
            assertThat(directory.findPerson(c, "alice")).isPresent();
        }
        LdapDirectory wrong = new LdapDirectory(properties("127.0.0.1", ldap.plainPort(), "", "", true, "nope", "", ""));
        assertThatThrownBy(wrong::searchConnection).isInstanceOfSatisfying(LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }

    @Test
    void theFilterExcludesPeopleAndLoginsAreEscaped() throws Exception {
        LdapDirectory directory = plain(false, "(employeeType=staff)");
        try (LDAPConnection c = directory.searchConnection()) {
            assertThat(directory.findPerson(c, "alice")).isPresent();
            assertThat(directory.findPerson(c, "bob")).isEmpty();
        }
        LdapDirectory noParens = plain(false, "employeeType=contractor");
        try (LDAPConnection c = noParens.searchConnection()) {
            assertThat(noParens.findPerson(c, "bob")).isPresent();
            assertThat(noParens.findPerson(c, "*")).as("a wildcard login matches nobody").isEmpty();
            assertThat(noParens.findPerson(c, "alice)(uid=*")).isEmpty();
            assertThat(noParens.personFilter("a*)(|(uid=*").toString()).contains("\\2a").contains("\\29");
        }
    }

    @Test
    void theAdminBaseIsSearchedFirst() throws Exception {
        LdapDirectory directory = new LdapDirectory(properties("127.0.0.1", ldap.plainPort(), "", "", false, "", "",
                TestDirectory.ADMINS));
        try (LDAPConnection c = directory.searchConnection()) {
            assertThat(directory.findPerson(c, "root").orElseThrow().admin()).isTrue();
            assertThat(directory.findPerson(c, "alice").orElseThrow().admin()).isFalse();
        }
    }

    @Test
    void ldapsAndStartTlsTrustOnlyTheCaFileAndCheckTheHostName() throws Exception {
        LdapDirectory ldaps = new LdapDirectory(properties("localhost", ldap.ldapsPort(), "simple_tls",
                ldap.caFile().toString(), false, "", "", ""));
        try (LDAPConnection c = ldaps.searchConnection()) {
            assertThat(directoryBind(ldaps, c)).isTrue();
        }
        LdapDirectory startTls = new LdapDirectory(properties("localhost", ldap.plainPort(), "start_tls",
                ldap.caFile().toString(), false, "", "", ""));
        try (LDAPConnection c = startTls.searchConnection()) {
            assertThat(directoryBind(startTls, c)).isTrue();
        }
        LdapDirectory otherCa = new LdapDirectory(properties("localhost", ldap.ldapsPort(), "simple_tls",
                ldap.otherCaFile().toString(), false, "", "", ""));
        assertThatThrownBy(otherCa::searchConnection).isInstanceOf(LDAPException.class);
        LdapDirectory otherCaStartTls = new LdapDirectory(properties("localhost", ldap.plainPort(), "start_tls",
                ldap.otherCaFile().toString(), false, "", "", ""));
        assertThatThrownBy(otherCaStartTls::searchConnection).isInstanceOf(LDAPException.class);
        LdapDirectory wrongName = new LdapDirectory(properties("localhost", ldap.otherNameLdapsPort(), "simple_tls",
                ldap.caFile().toString(), false, "", "", ""));
        assertThatThrownBy(wrongName::searchConnection).as("the certificate names ldap.other.test, not localhost")
                .isInstanceOf(LDAPException.class);
        LdapDirectory wrongNameStartTls = new LdapDirectory(properties("localhost", ldap.otherNamePort(), "start_tls",
                ldap.caFile().toString(), false, "", "", ""));
        assertThatThrownBy(wrongNameStartTls::searchConnection).isInstanceOf(LDAPException.class)
                .hasMessageContaining("localhost");
    }

    private static boolean directoryBind(LdapDirectory d, LDAPConnection c) throws Exception {
        return d.passwordMatches(c, d.findPerson(c, "alice").orElseThrow().dn(), "alice-secret");
    }

    @Test
    void groupsAndTheirMembers() throws Exception {
        LdapDirectory directory = plain(false, "");
        try (LDAPConnection c = directory.searchConnection()) {
            assertThat(directory.groupMembers(c, "devs").orElseThrow()).containsExactly("uid=alice,ou=people,dc=example,dc=com");
            assertThat(directory.groupMembers(c, "nope")).isEmpty();
            assertThat(directory.groupsOf(c, aliceDn)).containsExactly("devs");
        }
    }

    @Test
    void aServerThatIsNotThereFailsFast() throws Exception {
        int closed = TestDirectory.freePort();
        LdapDirectory directory = new LdapDirectory(properties("127.0.0.1", closed, "", "", false, "", "", ""));
        assertThatThrownBy(directory::searchConnection).isInstanceOfSatisfying(LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.CONNECT_ERROR));
    }

    @Test
    void theEmailComesFromTheAttributeThenMailThenTheDn() {
        var entry = new com.unboundid.ldap.sdk.SearchResultEntry("uid=jo,ou=people,dc=example,dc=com",
                new com.unboundid.ldap.sdk.Attribute[] {new com.unboundid.ldap.sdk.Attribute("mail", "jo@mail.example"),
                        new com.unboundid.ldap.sdk.Attribute("altMail", "jo@alt.example")});
        var bare = new com.unboundid.ldap.sdk.SearchResultEntry("uid=jo,ou=people,dc=example,dc=com",
                new com.unboundid.ldap.sdk.Attribute[0]);
        assertThat(LdapEmails.of(entry, "jo", new LdapProperties.GuessEmail(true, "altMail"))).contains("jo@alt.example");
        assertThat(LdapEmails.of(entry, "jo", new LdapProperties.GuessEmail(false, ""))).contains("jo@mail.example");
        assertThat(LdapEmails.of(bare, "jo", new LdapProperties.GuessEmail(false, ""))).isEmpty();
        assertThat(LdapEmails.of(bare, "jo", new LdapProperties.GuessEmail(true, ""))).contains("jo@example.com");
        assertThat(LdapEmails.of(bare, "jo", new LdapProperties.GuessEmail(true, "altMail"))).isEmpty();
    }

    @Test
    void emailsAndUsernamesAsPortus() {
        assertThat(LdapEmails.fromDn("uid=jo,ou=people,dc=example,dc=com", "jo")).contains("jo@example.com");
        assertThat(LdapEmails.fromDn("uid=jo,ou=people,o=acme", "jo")).isEmpty();
        assertThat(LdapUsernames.map("John Doe", n -> true)).contains("John_Doe");
        assertThat(LdapUsernames.map("a:b", n -> true)).contains("a_b");
        assertThat(LdapUsernames.map("jo", n -> !n.equals("jo"))).contains("jo_01");
        assertThat(LdapUsernames.map("jo", n -> !n.equals("jo") && !n.equals("jo_01"))).contains("jo_02");
        assertThat(LdapUsernames.map("portus", n -> true)).isEmpty();
        assertThat(LdapUsernames.map("Portus_Global_x", n -> true)).isEmpty();
        assertThat(LdapUsernames.map("..", n -> true)).isEmpty();
    }
}
