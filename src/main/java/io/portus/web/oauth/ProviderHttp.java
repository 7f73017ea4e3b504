package io.portus.web.oauth;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Outgoing HTTP to the sign-in providers (discovery, token, user info, JWKS, membership APIs). Their addresses
 * are the operator's configuration, so the deny list for user-given URLs does not apply; the timeouts do:
 * 5 s to connect, 10 s for an answer, so a provider that hangs costs one sign-in attempt, never a thread.
 */
final class ProviderHttp {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration READ = Duration.ofSeconds(10);

    private ProviderHttp() {
    }

    static JdkClientHttpRequestFactory requestFactory() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(READ);
        return factory;
    }

    /** For the token endpoint: the converters and error handler Spring Security's default client has. */
    static RestClient tokenClient() {
        return RestClient.builder().requestFactory(requestFactory())
                .configureMessageConverters(c -> {
                    c.addCustomConverter(new FormHttpMessageConverter());
                    c.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** For user info and JWKS, with OAuth2 error bodies turned into OAuth2 errors. */
    static RestTemplate restTemplate() {
        RestTemplate rest = new RestTemplate(requestFactory());
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        return rest;
    }

    /** For discovery and the membership APIs (GitHub organizations, GitLab groups, Bitbucket workspaces). */
    static RestClient apiClient() {
        return RestClient.builder().requestFactory(requestFactory()).build();
    }
}
