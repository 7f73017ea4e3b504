package io.portus.account;

import io.portus.mail.Mail;

import java.util.Map;

/** The texts of the password reset mails (Devise's "Reset password instructions"). */
final class ResetMails {

    private static final Map<String, String> PROVIDERS = Map.of("ldap", "LDAP", "openid_connect", "OpenID Connect",
            "github", "GitHub", "gitlab", "GitLab", "google_oauth2", "Google", "bitbucket", "Bitbucket");

    Mail resetLink(User user, String link) {
        return new Mail(user.email(), PasswordResets.SUBJECT, """
                Hello %s,

                Someone has requested a link to change your password on Portus. You can do this through the link below.

                %s

                The link works once, within %d hours. If you didn't request this, please ignore this email: your
                password won't change until you open the link above and choose a new one.
                """.formatted(user.username(), link, PasswordResets.LIFETIME.toHours()));
    }

    Mail useProvider(User user, String provider, String portusUrl) {
        String name = PROVIDERS.getOrDefault(provider, provider);
        return new Mail(user.email(), PasswordResets.SUBJECT, """
                Hello %s,

                Someone has asked to reset the password of your account on Portus (%s).

                You sign in to Portus through %s, so Portus has no password of yours to reset: change your
                password with %s (or ask its administrator). If you didn't request this, please ignore this email.
                """.formatted(user.username(), portusUrl, name, name));
    }
}
