/**
 * Typed configuration and the mapping of the classic deployment's environment variables (Portus,
 * MariaDB, distribution, {@code PUMA_SSL_KEY}/{@code PUMA_SSL_CRT} → the web server's SSL bundle) onto
 * Spring properties. A wrong setting stops start-up with one line naming it
 * ({@link io.portus.common.InvalidSettingException}).
 */
package io.portus.config;
