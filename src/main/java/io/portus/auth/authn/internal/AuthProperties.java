package io.portus.auth.authn.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.auth.*}.
 *
 * @param refreshTokenLifetime how long a refresh token ({@code docker login} identity token) stays valid
 * @param credentialsCacheTtl  how long verified credentials are remembered (saves a bcrypt per token request)
 * @param credentialsCacheSize at most this many of them
 */
@ConfigurationProperties("portus.auth")
record AuthProperties(@DefaultValue("30d") Duration refreshTokenLifetime, @DefaultValue("60s") Duration credentialsCacheTtl,
                      @DefaultValue("10000") int credentialsCacheSize) {
}
