/** The way in: the first run ("Create admin"), sign in (with the lockout message), sign up, sign out. */
package io.portus.web.session;
