package io.portus.auth.token;

import io.portus.auth.RegistryLookup;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.auth.policy.AccessPolicy;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.common.PortusProperties;
import io.portus.registry.AccessController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires the token service: key material, issuer, {@code /v2/token} and the registry's token mode. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TlsProperties.class, PortusProperties.class})
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);
    private final Clock clock = Clock.systemUTC();

    @Bean
    SigningKey tokenSigningKey(TokenProperties properties, TlsProperties tls, PortusProperties portus) {
        SigningKey key = SigningKeyLoader.load(new SigningKeyLoader.Sources(properties.keyPath(),
                properties.certificatePath(), tls.key(), tls.certificate(), Path.of(portus.dataDir(), "tls")));
        log.info("Tokens are signed {} with {}; kid {}", key.algorithm(), key.source(),
                KeyIds.of(key.publicKey(), properties.kidFormat()));
        if (key.certificateFile() != null) {
            log.info("Registries verifying our tokens need {} as auth.token.rootcertbundle "
                    + "(REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE); clients trust HTTPS with it as their CA", key.certificateFile());
        } else {
            log.warn("No certificate holds the token signing key: tokens carry only a kid. Set "
                    + "portus.token.certificate-path (PORTUS_ENCRYPTION_CERTIFICATE_PATH) so they also carry x5c");
        }
        return key;
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKey key, TokenProperties properties, PortusProperties portus) {
        return new TokenIssuer(key, properties.kidFormat(), portus.machineFqdn(), properties.lifetime(),
                properties.reuseWindow(), clock);
    }

    @Bean
    TokenService tokenService(RegistryLookup registries, AccessPolicy policy, TokenIssuer issuer) {
        return new TokenService(registries, policy, issuer, clock);
    }

    @Bean
    Credentials tokenCredentials(CredentialsAuthenticator authenticator, ObjectProvider<AuthThrottle> throttle) {
        return new Credentials(authenticator, throttle.getIfAvailable(() -> AuthThrottle.NONE));
    }

    @Bean
    @ConditionalOnProperty(name = "portus.registry.auth", havingValue = "token", matchIfMissing = true)
    AccessController tokenAccessController(SigningKey key, TokenProperties properties,
                                           PortusProperties portus, Environment environment) {
        String issuer = portus.machineFqdn();
        String sslBundle = environment.getProperty("server.ssl.bundle", "");
        String sslCertificate = environment.getProperty("server.ssl.certificate", "");
        List<X509Certificate> extra = new ArrayList<>();
        for (String file : properties.trustedCertificates()) {
            extra.addAll(Pem.readCertificates(Path.of(file)));
        }
        List<X509Certificate> previous = KeyRotation.previousCertificates(key);
        if (!previous.isEmpty()) {
            extra.addAll(previous);
            log.info("Key rotation under way: the built-in registry also trusts the previous signing key {} ({}) "
                    + "until `portus rotate-key --retire`", KeyIds.of(previous.getFirst().getPublicKey(), properties.kidFormat()),
                    KeyRotation.previousOf(key).orElseThrow());
        }
        TrustedKeys trusted = new TrustedKeys(key.publicKey(), key.chain(), extra);
        BuiltInService service = new BuiltInService(environment);
        String scheme = sslBundle.isBlank() && sslCertificate.isBlank() ? "http://" : "https://";
        String configuredRealm = properties.realm();
        return new TokenAccessController(new TokenVerifier(trusted, issuer, service, clock), () -> {
            if (configuredRealm != null && !configuredRealm.isBlank()) {
                return configuredRealm;
            }
            String realm = CurrentRequest.realm();
            return realm != null ? realm : scheme + service.get() + "/v2/token";
        }, service);
    }

    /** GET /v2/token after the registry filter (0), before sessions (5) and Spring Security (10). */
    @Bean
    FilterRegistrationBean<TokenGetFilter> tokenGetFilter(ObjectProvider<Credentials> credentials,
                                                          ObjectProvider<TokenService> tokens,
                                                          ObjectProvider<RefreshTokenStore> refreshTokens) {
        FilterRegistrationBean<TokenGetFilter> registration = new FilterRegistrationBean<>(new TokenGetFilter(
                () -> new TokenGetFilter.Parts(credentials.getObject(), tokens.getObject(), refreshTokens.getObject())));
        registration.setOrder(1);
        registration.addUrlPatterns(TokenGetFilter.PATH);
        return registration;
    }

    /** Right after Spring's ForwardedHeaderFilter (framework strategy, HIGHEST_PRECEDENCE): keeps its view of the request. */
    @Bean
    FilterRegistrationBean<CurrentRequest> tokenCurrentRequestFilter() {
        FilterRegistrationBean<CurrentRequest> registration = new FilterRegistrationBean<>(new CurrentRequest());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/v2/*");
        return registration;
    }
}
