/**
 * The web UI: server-rendered pages (JTE templates under {@code src/main/jte}, one folder per feature),
 * Bootstrap and htmx from WebJars, working without JavaScript for everything but conveniences. One
 * subpackage per feature; controllers are thin over the domain services, which check every action again.
 * {@code web.security} owns Spring Security, for the UI only: the registry ({@code /v2}) and the REST API
 * ({@code /api}) authenticate themselves and pass through untouched; {@code /actuator} is kept for admins there
 * (health excepted).
 */
package io.portus.web;
