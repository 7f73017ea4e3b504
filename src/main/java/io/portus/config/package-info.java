/**
 * Configuration glue: the mapping of the classic Portus / distribution environment variables onto
 * Spring settings (e.g. {@code PUMA_SSL_KEY}/{@code PUMA_SSL_CRT} → the web server's SSL bundle).
 */
package io.portus.config;
