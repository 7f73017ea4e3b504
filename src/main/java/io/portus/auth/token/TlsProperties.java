package io.portus.auth.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.tls.*}: the PEM pair served over HTTPS (the classic image's {@code PUMA_SSL_KEY},
 * {@code PUMA_SSL_CRT}); tokens are signed with it when {@code portus.token.key-path} is blank.
 */
@ConfigurationProperties("portus.tls")
record TlsProperties(@DefaultValue("") String key, @DefaultValue("") String certificate) {
}
