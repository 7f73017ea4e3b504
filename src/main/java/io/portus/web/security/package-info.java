/**
 * Spring Security for the UI: form sign-in through the account module's authenticator (same lockout as the
 * token service), CSRF on every form, session cookie HttpOnly/SameSite=Lax (Secure over HTTPS), the current
 * user re-read on every request (a disabled or deleted user is signed out at once). The machine surfaces
 * ({@code /v2}, {@code /api}, {@code /actuator}) get a chain that does nothing.
 */
package io.portus.web.security;
