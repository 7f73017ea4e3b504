package io.portus.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.first-user-admin.*}: whether the first account becomes an admin and
 * {@code POST /api/v1/users/bootstrap} is open ({@code PORTUS_FIRST_USER_ADMIN_ENABLED}).
 */
@ConfigurationProperties("portus.first-user-admin")
public record FirstUserAdminProperties(@DefaultValue("true") boolean enabled) {
}
