package io.portus.ldap;

import io.portus.account.ApplicationTokenService;
import io.portus.account.ExternalAccounts;
import io.portus.account.Logins;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.TestDatabases;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamService;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LDAP sign-in through the whole application over real HTTP ({@code /v2/token} Basic, the sign-in form, the API),
 * against a real in-memory LDAP server, on each database (see LdapTest).
 */
abstract class LdapContract extends DatabaseTest {

    static final TestDirectory LDAP = Directory.INSTANCE;

    @Autowired UserService users;
    @Autowired ExternalAccounts accounts;
    @Autowired Logins logins;
    @Autowired TeamService teams;
    @Autowired ApplicationTokenService tokens;
    @Autowired LdapGroupSyncJob job;
    @Autowired LdapTeamChecks checks;

    /** One server for every database's context (started once, stopped with the JVM). */
    static final class Directory {
        static final TestDirectory INSTANCE;

        static {
            try {
                INSTANCE = new TestDirectory(Files.createTempDirectory("portus-ldap"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::close));
        }
    }

    @DynamicPropertySource
    static void ldap(DynamicPropertyRegistry registry) {
        registry.add("portus.ldap.enabled", () -> "true");
        registry.add("portus.ldap.hostname", () -> "127.0.0.1");
        registry.add("portus.ldap.port", LDAP::plainPort);
        registry.add("portus.ldap.timeout", () -> "3");
        registry.add("portus.ldap.base", () -> TestDirectory.PEOPLE);
        registry.add("portus.ldap.admin-base", () -> TestDirectory.ADMINS);
        registry.add("portus.ldap.group-base", () -> TestDirectory.GROUPS);
        registry.add("portus.ldap.filter", () -> "(!(employeeType=excluded))");
        registry.add("portus.ldap.authentication.enabled", () -> "true");
        registry.add("portus.ldap.authentication.bind-dn", () -> TestDirectory.SEARCH_DN);
        registry.add("portus.ldap.authentication.password", () -> TestDirectory.SEARCH_PASSWORD);
        registry.add("portus.ldap.group-sync.interval", () -> "0s");
    }

    int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    HttpResponse<String> token(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                        + "/v2/token?service=registry.test&account=" + user.replace(" ", "%20")))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build();
        return send(request);
    }

    HttpResponse<String> api(String method, String path, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Portus-Auth", auth);
        }
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    User portus() {
        return users.findByUsername(User.PORTUS).orElseThrow();
    }

    @Test
    void aFirstTokenRequestCreatesTheAccountAndTheSignInFormAcceptsIt() throws Exception {
        String uid = unique("al");
        String dn = LDAP.person("people", uid, "pw-" + uid, uid + "@mail.example", null);

        HttpResponse<String> first = token(uid, "pw-" + uid);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"token\"");
        User user = users.findByUsername(uid).orElseThrow();
        assertThat(user.email()).isEqualTo(uid + "@mail.example");
        assertThat(user.admin()).isFalse();
        assertThat(accounts.providerOf(user.id())).contains("ldap");
        assertThat(accounts.find(new io.portus.account.ExternalIdentity("ldap", LdapDirectory.normalize(dn)))).isPresent();
        assertThat(user.namespaceId()).as("a personal namespace, like any user").isNotNull();
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(200);

        BrowserClient browser = new BrowserClient(port());
        HttpResponse<String> signedIn = browser.signIn(uid, "pw-" + uid);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("sign_in");

        LDAP.setPassword(dn, "new-pw-" + uid);
        assertThat(token(uid, "new-pw-" + uid).statusCode()).as("the new LDAP password works at once").isEqualTo(200);
    }

    @Test
    void wrongEmptyUnknownAndFilteredOutAreRefused() throws Exception {
        String uid = unique("wr");
        LDAP.person("people", uid, "pw-" + uid, null, null);
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(200);
        User user = users.findByUsername(uid).orElseThrow();
        assertThat(user.email()).as("no mail and no guessing: no email, as Portus allows").isNull();

        assertThat(token(uid, "wrong").statusCode()).isEqualTo(401);
        assertThat(logins.byId(user.id()).orElseThrow().failedAttempts()).as("counts towards the lockout").isEqualTo(1);
        assertThat(token(uid, "").statusCode()).isEqualTo(401);
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(200);
        assertThat(logins.byId(user.id()).orElseThrow().failedAttempts()).isZero();

        String nobody = unique("nb");
        assertThat(token(nobody, "whatever").statusCode()).isEqualTo(401);
        assertThat(users.findByUsername(nobody)).isEmpty();
        assertThat(token("*", "whatever").statusCode()).isEqualTo(401);

        String excluded = unique("ex");
        LDAP.person("people", excluded, "pw-" + excluded, null, "excluded");
        assertThat(token(excluded, "pw-" + excluded).statusCode()).as("the filter leaves them out").isEqualTo(401);
        assertThat(users.findByUsername(excluded)).isEmpty();
    }

    @Test
    void aUserDisabledInPortusIsRefusedAtOnce() throws Exception {
        String uid = unique("di");
        LDAP.person("people", uid, "pw-" + uid, null, null);
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(200);
        User user = users.findByUsername(uid).orElseThrow();
        users.setEnabled(portus(), user.id(), false);
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(401);
        assertThat(new BrowserClient(port()).signIn(uid, "pw-" + uid).headers().firstValue("Location").orElse(""))
                .contains("sign_in?error");
    }

    @Test
    void peopleUnderTheAdminBaseAreAdmins() throws Exception {
        String uid = unique("ad");
        LDAP.person("admins", uid, "pw-" + uid, null, null);
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(200);
        assertThat(users.findByUsername(uid).orElseThrow().admin()).isTrue();
    }

    @Test
    void namesPortusRefusesAreMapped() throws Exception {
        String uid = unique("Mary Ann ");
        LDAP.person("people", uid.trim(), "pw-x", null, null);
        String login = uid.trim();
        assertThat(token(login, "pw-x").statusCode()).isEqualTo(200);
        User user = users.findByUsername(login.replace(' ', '_')).orElseThrow();
        assertThat(accounts.providerOf(user.id())).contains("ldap");
        assertThat(token(login, "pw-x").statusCode()).as("found again by the entry's DN").isEqualTo(200);
    }

    @Test
    void anAccountImportedFromPortusIsFoundByItsLdapNameAndThenLinkedToTheEntry() throws Exception {
        String login = unique("Jo Doe ").trim();
        String dn = LDAP.person("people", login, "pw-imported", null, null);
        String username = unique("jdoe");
        User imported = accounts.create(new io.portus.account.ExternalIdentity("ldap",
                io.portus.account.ExternalIdentity.importedLdapName(login)), username, null, null, false);
        assertThat(token(login, "pw-imported").statusCode()).isEqualTo(200);
        assertThat(users.findByUsername(login.replace(' ', '_'))).as("no second account").isEmpty();
        assertThat(accounts.find(new io.portus.account.ExternalIdentity("ldap", LdapDirectory.normalize(dn))))
                .map(User::id).contains(imported.id());
        assertThat(token(login, "pw-imported").statusCode()).as("found again by the entry's DN").isEqualTo(200);
    }

    @Test
    void localAccountsAndTakeOver() throws Exception {
        String local = unique("lo");
        users.create(NewUser.regular(local, local + "@example.com", "local-password-1"));
        assertThat(token(local, "local-password-1").statusCode()).as("not in LDAP: the local password").isEqualTo(200);

        String both = unique("bo");
        users.create(NewUser.regular(both, both + "@example.com", "local-password-2"));
        LDAP.person("people", both, "ldap-password-2", null, null);
        assertThat(token(both, "ldap-password-2").statusCode()).as("LDAP takes the login over").isEqualTo(200);
        assertThat(token(both, "local-password-2").statusCode()).isEqualTo(401);
    }

    @Test
    void groupSyncAddsMembersAndRemovesOnlyThoseItAdded() throws Exception {
        User admin = users.changeAdmin(users.create(NewUser.regular(unique("adm"), unique("a") + "@example.com",
                "admin-password")), true);
        String teamName = unique("team");
        Team team = teams.create(admin, teamName, null, null);
        String manualName = unique("man");
        LDAP.person("people", manualName, "pw-" + manualName, null, null);
        assertThat(token(manualName, "pw-" + manualName).statusCode()).isEqualTo(200);
        User manual = users.findByUsername(manualName).orElseThrow();
        teams.addMember(admin, team.id(), manualName, Role.CONTRIBUTOR);

        String g1 = unique("g");
        String g1Dn = LDAP.person("people", g1, "pw-" + g1, null, null);
        String g2 = unique("g");
        String g2Dn = LDAP.person("people", g2, "pw-" + g2, null, null);
        assertThat(token(g2, "pw-" + g2).statusCode()).isEqualTo(200);
        String groupDn = LDAP.group(teamName, g1Dn, g2Dn, "uid=" + manualName + "," + TestDirectory.PEOPLE);

        assertThat(token(g1, "pw-" + g1).statusCode()).isEqualTo(200);
        User user1 = users.findByUsername(g1).orElseThrow();
        assertThat(teams.roleOf(team.id(), user1.id())).as("added on sign-in").contains(Role.VIEWER);
        User user2 = users.findByUsername(g2).orElseThrow();
        assertThat(teams.roleOf(team.id(), user2.id())).isEmpty();
        assertThat(job.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(teams.roleOf(team.id(), user2.id())).as("added by the periodic sync").contains(Role.VIEWER);
        assertThat(teams.roleOf(team.id(), manual.id())).contains(Role.CONTRIBUTOR);

        LDAP.removeMember(groupDn, g1Dn);
        LDAP.removeMember(groupDn, "uid=" + manualName + "," + TestDirectory.PEOPLE);
        job.runOnce();
        assertThat(teams.roleOf(team.id(), user1.id())).as("left the group").isEmpty();
        assertThat(teams.roleOf(team.id(), manual.id())).as("added by hand: kept").contains(Role.CONTRIBUTOR);
        assertThat(teams.roleOf(team.id(), user2.id())).contains(Role.VIEWER);

        LDAP.removeMember(groupDn, g2Dn);
        assertThat(token(g2, "pw-" + g2).statusCode()).as("cached: the directory is not asked").isEqualTo(200);
        assertThat(teams.roleOf(team.id(), user2.id())).contains(Role.VIEWER);
        LDAP.setPassword(g2Dn, "new-pw-" + g2);
        assertThat(token(g2, "new-pw-" + g2).statusCode()).isEqualTo(200);
        assertThat(teams.roleOf(team.id(), user2.id())).as("removed on a sign-in that asks the directory").isEmpty();
    }

    @Test
    void ldapCheckSwitchesTheSyncOffForOneTeam() throws Exception {
        User admin = users.changeAdmin(users.create(NewUser.regular(unique("adm"), unique("a") + "@example.com",
                "admin-password")), true);
        String adminAuth = admin.username() + ":" + tokens.createFor(admin, unique("t")).plainToken();
        User viewer = users.create(NewUser.regular(unique("vw"), unique("v") + "@example.com", "viewer-password"));
        String viewerAuth = viewer.username() + ":" + tokens.createFor(viewer, unique("t")).plainToken();
        String teamName = unique("team");
        Team team = teams.create(admin, teamName, null, null);
        teams.addMember(admin, team.id(), viewer.username(), Role.VIEWER);

        String path = "/api/v1/teams/" + team.id() + "/ldap_check";
        assertThat(api("POST", path, null).statusCode()).isEqualTo(401);
        assertThat(api("POST", path, viewerAuth).statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/v1/teams/999999999/ldap_check", adminAuth).statusCode()).isEqualTo(404);
        assertThat(checks.checked(team.id())).isTrue();
        HttpResponse<String> ok = api("POST", path, adminAuth);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(checks.checked(team.id())).isFalse();

        String g = unique("g");
        String gDn = LDAP.person("people", g, "pw-" + g, null, null);
        LDAP.group(teamName, gDn);
        assertThat(token(g, "pw-" + g).statusCode()).isEqualTo(200);
        job.runOnce();
        assertThat(teams.roleOf(team.id(), users.findByUsername(g).orElseThrow().id())).isEmpty();
    }

    @Test
    void ldapClosesTheSignUpForm() {
        users.create(NewUser.regular(unique("su"), unique("s") + "@example.com", "some-password-1"));
        BrowserClient browser = new BrowserClient(port());
        assertThat(browser.get("/users/sign_up").headers().firstValue("Location").orElse("")).endsWith("/users/sign_in");
        String name = unique("new");
        HttpResponse<String> posted = browser.post("/users/sign_up", java.util.Map.of("_csrf", browser.csrf("/users/sign_in"),
                "username", name, "email", name + "@example.com", "password", "a-password-1",
                "password_confirmation", "a-password-1"));
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/users/sign_in");
        assertThat(users.findByUsername(name)).isEmpty();
    }

    @Test
    void ldapDownRefusesCleanlyAndLocalBotsAndPortusKeepWorking() throws Exception {
        String uid = unique("dn");
        LDAP.person("people", uid, "pw-" + uid, null, null);
        String bot = unique("bot");
        users.create(new NewUser(bot, bot + "@example.com", "bot-password-1", null, false, true));
        String local = unique("lo");
        users.create(NewUser.regular(local, local + "@example.com", "local-password-1"));
        int health = api("GET", "/actuator/health", null).statusCode();
        LDAP.down();
        try {
            HttpResponse<String> refused = token(uid, "pw-" + uid);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("LDAP").doesNotContain("pw-");
            BrowserClient browser = new BrowserClient(port());
            assertThat(browser.signIn(uid, "pw-" + uid).headers().firstValue("Location").orElse(""))
                    .endsWith("/users/sign_in?unavailable");
            assertThat(browser.get("/users/sign_in?unavailable").body()).contains("cannot be reached");
            assertThat(token(bot, "bot-password-1").statusCode()).as("bots stay local").isEqualTo(200);
            assertThat(token(User.PORTUS, TestDatabases.PORTUS_PASSWORD).statusCode()).isEqualTo(200);
            assertThat(token(local, "local-password-1").statusCode()).as("local accounts keep their password")
                    .isEqualTo(200);
            assertThat(api("GET", "/actuator/health", null).statusCode()).isEqualTo(health);
        } finally {
            LDAP.up();
        }
        assertThat(token(uid, "pw-" + uid).statusCode()).isEqualTo(200);
    }
}
