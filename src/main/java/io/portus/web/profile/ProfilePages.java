package io.portus.web.profile;

import io.portus.account.ApplicationTokenService;
import io.portus.account.ExternalAccounts;
import io.portus.account.NewApplicationToken;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.account.UserUpdate;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.common.InvalidInputException;
import io.portus.web.oauth.SignInOptions;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import io.portus.web.support.TokenForm;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** {@code /profile}. */
@Controller
class ProfilePages {

    static final String NEW_TOKEN = "newToken";

    private final UserService users;
    private final ApplicationTokenService tokens;
    private final CredentialsAuthenticator authenticator;
    private final UiSettings settings;
    private final ExternalAccounts external;

    ProfilePages(UserService users, ApplicationTokenService tokens, CredentialsAuthenticator authenticator,
                 UiSettings settings, ExternalAccounts external) {
        this.users = users;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.settings = settings;
        this.external = external;
    }

    @GetMapping("/profile")
    String show(@CurrentUserArgument User user, Model model) {
        model.addAttribute("tokens", tokens.list(user, user.id()));
        model.addAttribute("maxTokens", ApplicationTokenService.MAX_PER_USER);
        // users of a sign-in provider have no Portus password: docker login takes an application token instead
        model.addAttribute("provider", external.providerOf(user.id()).map(SignInOptions::label).orElse(null));
        if (!model.containsAttribute(NEW_TOKEN)) {
            model.addAttribute(NEW_TOKEN, null);
        }
        return "profile/profile";
    }

    @PostMapping("/profile")
    String update(@CurrentUserArgument User user, @RequestParam(required = false) String email,
                  @RequestParam(name = "display_name", required = false) String displayName, RedirectAttributes redirect) {
        users.update(user.id(), new UserUpdate(null, email, null,
                settings.displayNames() ? (displayName == null ? "" : displayName) : null));
        Flash.notice(redirect, "Profile saved.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String password(@CurrentUserArgument User user, @RequestParam(name = "current_password", defaultValue = "") String current,
                    @RequestParam(defaultValue = "") String password,
                    @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation,
                    RedirectAttributes redirect) {
        if (!(authenticator.authenticatePassword(user.username(), current)
                instanceof CredentialsAuthenticator.Authenticated)) {
            throw InvalidInputException.of("current_password", "is not your current password");
        }
        if (!password.equals(confirmation)) {
            throw InvalidInputException.of("password_confirmation", "doesn't match the new password");
        }
        users.changePassword(user.id(), password);
        Flash.notice(redirect, "Password changed. Run docker login again with the new password.");
        return "redirect:/profile";
    }

    /**
     * Shows the new token in the answer itself: a redirect would carry it in the session, which lives in the
     * database, and the plain token is never stored.
     */
    @PostMapping("/profile/tokens")
    String createToken(@CurrentUserArgument User user, @RequestParam(defaultValue = "") String application,
                       @RequestParam(required = false) String expiry,
                       @RequestParam(name = "expires_on", required = false) String expiresOn,
                       @RequestParam(required = false) String scope,
                       @RequestParam(name = "scope_namespace", required = false) String namespace,
                       @RequestParam(name = "scope_repository", required = false) String repository,
                       @RequestParam(name = "scope_actions", required = false) List<String> actions,
                       Model model, HttpServletResponse response) {
        TokenForm form = new TokenForm(expiry, expiresOn, scope, namespace, repository, actions);
        NewApplicationToken token = tokens.create(user, user.id(), application, form.options(false));
        model.addAttribute(NEW_TOKEN, token);
        response.setHeader("Cache-Control", "no-store");
        return show(user, model);
    }

    @PostMapping("/profile/tokens/{id}/delete")
    String deleteToken(@CurrentUserArgument User user, @PathVariable long id, RedirectAttributes redirect) {
        tokens.delete(user, id);
        Flash.notice(redirect, "Application token revoked.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/disable")
    String disable(@CurrentUserArgument User user, RedirectAttributes redirect) {
        users.setEnabled(user, user.id(), false);
        Flash.notice(redirect, "Your account is disabled. An administrator can enable it again.");
        return "redirect:/users/sign_in";
    }
}
