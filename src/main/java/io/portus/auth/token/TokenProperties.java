package io.portus.auth.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code portus.token.*}: the token service's key material and token lifetime.
 *
 * @param keyPath             PEM private key that signs tokens ({@code PORTUS_ENCRYPTION_PRIVATE_KEY_PATH});
 *                            blank = the HTTPS pair, else a generated self-signed pair
 * @param certificatePath     the key's certificate, sent as {@code x5c}; blank = look beside the key / PUMA_SSL_CRT
 * @param kidFormat           {@code libtrust} (distribution 2.x, Portus) or {@code thumbprint} (RFC 7638, 3.x)
 * @param lifetime            token lifetime ({@code PORTUS_REGISTRY_JWT_EXPIRATION_TIME_VALUE} minutes; at least 1 minute)
 * @param reuseWindow         identical token requests (same user, service and granted access) within this
 *                            window get the same signed token back, so repeated logins do not pay an RSA
 *                            signature each; 0 = always sign a new one
 * @param realm               the realm the built-in registry advertises; blank = derived from each request
 * @param trustedCertificates extra PEM files whose keys the built-in registry trusts besides our own
 */
@ConfigurationProperties("portus.token")
record TokenProperties(String keyPath, String certificatePath, @DefaultValue("libtrust") KidFormat kidFormat,
                       @DefaultValue("15m") Duration lifetime, @DefaultValue("30s") Duration reuseWindow,
                       String realm, @DefaultValue List<String> trustedCertificates) {

    TokenProperties {
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("portus.token.lifetime must be at least 1 minute (was " + lifetime + ")");
        }
        if (reuseWindow.isNegative()) {
            throw new IllegalArgumentException("portus.token.reuse-window must not be negative");
        }
        trustedCertificates = trustedCertificates.stream().filter(s -> !s.isBlank()).toList();
    }
}
