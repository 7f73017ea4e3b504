package io.portus.web.session;

/** The sign-in form's messages (the lockout one after 10 failed attempts, as Devise's lockable says). */
final class SignInMessages {

    static final String BAD_CREDENTIALS = "Invalid username or password.";
    static final String LOCKED = "Your account is locked after too many failed sign-in attempts. "
            + "Try again in 10 minutes.";
    static final String UNAVAILABLE = "The directory that checks your password (LDAP) cannot be reached right now. "
            + "Try again in a few minutes, or ask your administrator.";

    private SignInMessages() {
    }

    static String throttled(long seconds) {
        return "Too many failed sign-in attempts from your address. Try again in " + seconds
                + (seconds == 1 ? " second." : " seconds.");
    }
}
