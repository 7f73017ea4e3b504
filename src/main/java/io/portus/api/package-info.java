/**
 * The REST API {@code /api/v1} on Portus's paths (docs/compatibility.md#rest-api): thin controllers over the domain
 * services, authenticated by the {@code Portus-Auth: <username>:<application token>} header, Portus's
 * parameters (JSON bodies, forms or query strings, with {@code user[username]}-style nesting), its
 * pagination headers and its error bodies ({@code {"error": ...}}, {@code {"errors": ...}}). Never a stack trace.
 */
package io.portus.api;
