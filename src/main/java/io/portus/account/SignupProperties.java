package io.portus.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code portus.signup.*}: whether anyone may create an account ({@code PORTUS_SIGNUP_ENABLED}). */
@ConfigurationProperties("portus.signup")
public record SignupProperties(@DefaultValue("true") boolean enabled) {
}
