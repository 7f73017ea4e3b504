package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The help page over real HTTP: signed-in users get every client's commands written out for this host and their
 * personal namespace; anonymous visitors are sent to sign in. Same context as {@code DeletePagesTest}.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class HelpPageTest extends DatabaseTest {

    static final String PASSWORD = "password-for-the-help-page";

    @LocalServerPort int port;
    @Autowired UserService users;

    @Test
    void theCommandsNameThisHostAndTheUsersNamespace() {
        String name = unique("helped");
        User user = users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(user.username(), PASSWORD).statusCode()).isEqualTo(302);

        String page = browser.get("/help").body();
        String host = "127.0.0.1:" + port;
        String image = host + "/" + name + "/app:1.0";
        assertThat(page).contains("docker login " + host, "docker push " + image, "podman push app:1.0 " + image,
                "skopeo copy oci-archive:app.tar docker://" + image, "buildah push " + image,
                "helm push mychart-0.1.0.tgz oci://" + host + "/" + name + "/charts",
                "mvn compile jib:build -Dimage=" + image + " -Djib.to.auth.username=" + name,
                "oras discover " + image, "href=\"/help\"");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var response = new BrowserClient(port).get("/help");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/users/sign_in");
    }
}
