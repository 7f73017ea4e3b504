package idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/**
 * A real OpenID provider for the sign-in tests, run as its own process ({@code java -cp <test class path>
 * idp.TestOidcProvider <port>}, see {@code io.portus.it.OidcProviderProcess}): Spring Authorization Server with
 * discovery, JWKS, the authorization code flow (PKCE required, no consent page) and form login of its own users.
 * Issuer {@code http://127.0.0.1:<port>}; the client is {@value #CLIENT_ID} / {@value #CLIENT_SECRET}, any
 * loopback port of Portus's callback is accepted (RFC 8252). ID tokens carry {@code preferred_username},
 * {@code email} ({@code <user>@idp.example}) and {@code name}. Two users get forged ID tokens so tests can
 * see Portus refuse them: {@code mallory-iss} (another issuer) and {@code mallory-nonce} (another nonce).
 * Outside {@code io.portus} on purpose: Portus's component scan in tests must not find it.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
        "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
        "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration"})
public class TestOidcProvider {

    public static final String CLIENT_ID = "portus";
    public static final String CLIENT_SECRET = "portus-client-secret";
    public static final String PASSWORD = "idp-password-1";
    public static final String[] USERS = {"alice", "bob", "admin", "dora", "mallory-iss", "mallory-nonce"};

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        new SpringApplicationBuilder(TestOidcProvider.class).properties(
                "spring.config.name=test-oidc-provider", "server.port=" + port, "server.address=127.0.0.1",
                "spring.main.banner-mode=off", "idp.issuer=http://127.0.0.1:" + port,
                "server.servlet.session.cookie.name=IDPSESSION", "gg.jte.use-precompiled-templates=true",
                "management.endpoints.access.default=none").run(args);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(as -> {
            http.securityMatcher(as.getEndpointsMatcher());
            as.oidc(Customizer.withDefaults());
        }).authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (String name : USERS) {
            users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
        }
        return users;
    }

    @Bean
    RegisteredClientRepository clients() {
        RegisteredClient portus = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:5000/users/auth/openid_connect/callback")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(portus);
    }

    @Bean
    AuthorizationServerSettings settings(org.springframework.core.env.Environment env) {
        return AuthorizationServerSettings.builder().issuer(env.getRequiredProperty("idp.issuer")).build();
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            String name = context.getPrincipal().getName();
            context.getClaims().claim("preferred_username", name).claim("email", name + "@idp.example")
                    .claim("email_verified", true).claim("name", "Test " + name);
            if (name.equals("mallory-iss")) {
                context.getClaims().issuer("http://127.0.0.1:1/another-issuer");
            } else if (name.equals("mallory-nonce")) {
                context.getClaims().claim("nonce", "forged-nonce");
            }
        };
    }
}
