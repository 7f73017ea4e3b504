/**
 * The web UI: server-rendered pages (JTE templates under {@code src/main/jte}, one folder per feature),
 * Bootstrap and htmx from WebJars, working without JavaScript for everything but conveniences. One
 * subpackage per feature; controllers are thin over the domain services, which check every action again.
 * {@code web.security} owns Spring Security, for the UI only: the registry ({@code /v2}), the REST API
 * ({@code /api}) and the actuator authenticate themselves and pass through untouched.
 */
package io.portus.web;
