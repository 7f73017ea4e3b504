/**
 * Typed configuration and the mapping of the classic deployment's environment variables (Portus,
 * MariaDB, distribution) onto Spring properties. A wrong setting stops start-up with one line naming it
 * ({@link io.portus.config.InvalidSettingException}).
 */
package io.portus.config;
