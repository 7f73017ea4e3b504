package io.portus.web.oauth;

import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.web.security.SessionSignIn;
import io.portus.web.support.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * Portus's {@code /users/oauth}: someone signed in with a provider for the first time, but the provider's name
 * is taken or not a valid Portus name (or no usable email came): they choose another. The identity comes from
 * the session only (never from the form), the form carries the CSRF token, and nobody without a pending
 * identity gets past it.
 */
@Controller
class PendingAccountPages {

    static final String PATH = "/users/oauth";

    private final ProviderAccounts accounts;
    private final SessionSignIn sessions;

    PendingAccountPages(ProviderAccounts accounts, SessionSignIn sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        PendingAccount pending = pending(request);
        if (pending == null) {
            Flash.alert(redirect, "Sign in with your provider first.");
            return "redirect:" + SignInFailures.SIGN_IN;
        }
        ProviderIdentity identity = pending.identity();
        return page(model, pending, UsernameSuggestion.of(identity), identity.email(), pending.errors());
    }

    @PostMapping(PATH)
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PendingAccount pending = pending(request);
        if (pending == null) {
            Flash.alert(redirect, "Sign in with your provider first.");
            return "redirect:" + SignInFailures.SIGN_IN;
        }
        String address = pending.askEmail() ? email.trim() : pending.identity().email();
        User user;
        try {
            user = accounts.create(pending.identity(), username.trim(), address);
        } catch (InvalidInputException e) {
            PendingAccount next = PendingAccount.of(pending.identity(), pending.askEmail(), e.errors());
            request.getSession().setAttribute(ProviderSignIn.PENDING, next);
            return page(model, next, username.trim(), address, e.errors());
        }
        request.getSession().removeAttribute(ProviderSignIn.PENDING);
        sessions.signIn(user, request, response);
        Flash.notice(redirect, "Successfully registered as '" + user.username() + "'!");
        return "redirect:/dashboard";
    }

    private static PendingAccount pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ProviderSignIn.PENDING) instanceof PendingAccount p ? p : null;
    }

    private static String page(Model model, PendingAccount pending, String username, String email,
                               Map<String, List<String>> errors) {
        model.addAttribute("provider", SignInProviders.label(pending.identity().provider()));
        model.addAttribute("providerName", pending.identity().name() == null ? "" : pending.identity().name());
        model.addAttribute("username", username);
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("askEmail", pending.askEmail());
        model.addAttribute("errors", errors);
        return "session/oauth";
    }
}
