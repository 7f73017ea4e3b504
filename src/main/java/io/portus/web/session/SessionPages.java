package io.portus.web.session;

import io.portus.account.SignUp;
import io.portus.account.User;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.common.InvalidInputException;
import io.portus.ldap.LdapProperties;
import io.portus.web.oauth.SignInOptions;
import io.portus.web.security.CurrentUser;
import io.portus.web.security.SessionSignIn;
import io.portus.web.security.ThrottledSignIn;
import io.portus.web.support.Flash;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /}, {@code /users/sign_in} and {@code /users/sign_up} (sign out is Spring Security's, a POST). */
@Controller
class SessionPages {

    private final SignUp signUp;
    private final SessionSignIn sessions;
    private final UiSettings settings;
    private final LdapProperties ldap;
    private final SignInOptions options;

    SessionPages(SignUp signUp, SessionSignIn sessions, UiSettings settings, LdapProperties ldap, SignInOptions options) {
        this.signUp = signUp;
        this.ldap = ldap;
        this.sessions = sessions;
        this.settings = settings;
        this.options = options;
    }

    @GetMapping("/")
    String home(HttpServletRequest request) {
        if (signUp.firstRun() && options.localLogin()) {
            return "redirect:/users/sign_up";
        }
        return CurrentUser.of(request).isPresent() ? "redirect:/dashboard" : "redirect:/users/sign_in";
    }

    @GetMapping("/users/sign_in")
    String signInForm(HttpServletRequest request, Model model, @RequestParam(required = false) String error,
                      @RequestParam(required = false) String locked, @RequestParam(name = "signed_out", required = false) String out,
                      @RequestParam(required = false) String unavailable) {
        if (signUp.firstRun() && options.localLogin()) {
            return "redirect:/users/sign_up";
        }
        if (CurrentUser.of(request).isPresent()) {
            return "redirect:/dashboard";
        }
        String message = locked != null ? SignInMessages.LOCKED : unavailable != null ? SignInMessages.UNAVAILABLE
                : error != null ? SignInMessages.BAD_CREDENTIALS : null;
        model.addAttribute("message", message);
        model.addAttribute("signedOut", out != null);
        model.addAttribute("signUpOpen", signUpOpen());
        providers(model);
        return "session/sign_in";
    }

    /** A sign-in refused while the client's address is throttled (forwarded here by ThrottledSignIn): 429. */
    @RequestMapping(ThrottledSignIn.PATH)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Duration> wait = ThrottledSignIn.retryAfter(request);
        if (wait.isEmpty()) {
            return "redirect:/users/sign_in";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        long seconds = Long.parseLong(AuthThrottle.retryAfter(wait.get()));
        model.addAttribute("message", SignInMessages.throttled(seconds));
        model.addAttribute("signedOut", false);
        model.addAttribute("signUpOpen", signUpOpen());
        providers(model);
        return "session/sign_in";
    }

    /** The providers' buttons, and whether the password form shows (io.portus.web.oauth). */
    private void providers(Model model) {
        model.addAttribute("providers", options.buttons());
        model.addAttribute("localLogin", options.localLogin());
    }

    @GetMapping("/users/sign_up")
    String signUpForm(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (CurrentUser.of(request).isPresent()) {
            return "redirect:/dashboard";
        }
        if (!signUpOpen()) {
            Flash.alert(redirect, "Sign up is disabled on this Portus; ask an administrator for an account.");
            return "redirect:/users/sign_in";
        }
        return form(model, new SignUpValues("", "", ""), Map.of());
    }

    @PostMapping("/users/sign_up")
    String signUp(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password,
                  @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation,
                  @RequestParam(name = "display_name", defaultValue = "") String displayName,
                  Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!signUpOpen()) {
            Flash.alert(redirect, "Sign up is disabled on this Portus; ask an administrator for an account.");
            return "redirect:/users/sign_in";
        }
        SignUpValues values = new SignUpValues(username.trim(), email.trim(), displayName.trim());
        if (!password.equals(confirmation)) {
            return form(model, values, Map.of("password_confirmation", List.of("doesn't match Password")));
        }
        boolean admin = signUp.nextIsAdmin();
        User user;
        try {
            user = signUp.signUp(values.username(), values.email(), password,
                    settings.displayNames() ? values.displayName() : null);
        } catch (InvalidInputException e) {
            return form(model, values, e.errors());
        }
        sessions.signIn(user, request, response);
        Flash.notice(redirect, admin
                ? "Welcome! You are the administrator of this Portus. The built-in registry is ready: push to it with the commands below."
                : "Welcome! Your account has been created.");
        return "redirect:/dashboard";
    }

    /** As in Portus, LDAP closes the sign-up form; the first run's "Create admin" (a local admin) stays. */
    private boolean signUpOpen() {
        return signUp.open() && (!ldap.enabled() || signUp.firstRun());
    }

    private String form(Model model, SignUpValues values, Map<String, List<String>> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("createAdmin", signUp.nextIsAdmin());
        return "session/sign_up";
    }
}
