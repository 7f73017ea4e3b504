/**
 * Spring Security for the UI: form sign-in through the account module's authenticator (same lockout as the
 * token service), CSRF on every form, session cookie HttpOnly/SameSite=Lax (Secure over HTTPS), the current
 * user re-read on every request (a disabled or deleted user is signed out at once). The machine surfaces
 * ({@code /v2}, {@code /api}, {@code /actuator}) get a chain that does nothing but keep {@code /actuator} for
 * admins (health excepted). Failed sign-ins count towards the client address' throttle
 * ({@link io.portus.auth.throttle.AuthThrottle}); a throttled address gets the form back with status 429.
 */
package io.portus.web.security;
