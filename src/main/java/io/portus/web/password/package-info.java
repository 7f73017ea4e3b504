/**
 * "Forgot your password?" ({@code /users/password/*}, Devise's recoverable as in Portus): the request form,
 * the same "check your mail" answer for every address, and the page of the mailed link that sets a new
 * password ({@link io.portus.account.PasswordResets}). Open to anonymous users; CSRF on both forms; the request
 * form is counted by the client address' throttle ({@link io.portus.auth.throttle.AuthThrottle}).
 */
package io.portus.web.password;
