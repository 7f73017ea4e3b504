package io.portus.web.admin;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewApplicationToken;
import io.portus.account.NewUser;
import io.portus.account.TokenOptions;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.common.Secrets;
import io.portus.common.Slice;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import io.portus.web.support.TokenForm;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** {@code /admin/users}: list, create (bots get a "default" token, shown once), admin, enabled, delete. */
@Controller
class AdminUserPages {

    static final String BOT_TOKEN = "botToken";

    private final UserService users;
    private final ApplicationTokenService tokens;
    private final UiSettings settings;

    AdminUserPages(UserService users, ApplicationTokenService tokens, UiSettings settings) {
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
    }

    @GetMapping("/admin/users")
    String list(@CurrentUserArgument User admin, @RequestParam(defaultValue = "0") int offset,
                HttpServletRequest request, Model model) {
        Admins.require(admin);
        Slice<User> page = users.page(offset, settings.perPage());
        model.addAttribute("users", page);
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request), settings.beforeAfter()));
        if (!model.containsAttribute(BOT_TOKEN)) {
            model.addAttribute(BOT_TOKEN, null);
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@CurrentUserArgument User admin, @RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "false") boolean bot, @RequestParam(required = false) String expiry,
                  @RequestParam(name = "expires_on", required = false) String expiresOn,
                  @RequestParam(required = false) String scope,
                  @RequestParam(name = "scope_namespace", required = false) String namespace,
                  @RequestParam(name = "scope_repository", required = false) String repository,
                  @RequestParam(name = "scope_actions", required = false) List<String> actions,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Admins.require(admin);
        // a bot's token is scoped unless "everything" is chosen; checked before the bot exists
        TokenOptions options = bot ? new TokenForm(expiry, expiresOn, scope, namespace, repository, actions).options(true)
                : TokenOptions.UNRESTRICTED;
        String secret = bot && password.isEmpty() ? Secrets.newToken() : password;
        User user = users.create(new NewUser(username.trim(), email.trim(), secret, null, false, bot), admin);
        if (bot) {
            // shown in this answer: a redirect would carry the plain token in the session, which lives in the database
            NewApplicationToken token = tokens.createFor(user, "default", admin, options);
            model.addAttribute(BOT_TOKEN, new BotToken(user.username(), token.plainToken(),
                    token.scope() == null ? null : token.scope().format(), token.expiresAt()));
            response.setHeader("Cache-Control", "no-store");
            return list(admin, 0, request, model);
        }
        Flash.notice(redirect, "User " + user.username() + " created.");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/admin")
    String admin(@CurrentUserArgument User admin, @PathVariable long id, @RequestParam boolean value,
                 RedirectAttributes redirect) {
        User user = users.setAdmin(Admins.require(admin), id, value);
        Flash.notice(redirect, user.username() + (value ? " is now an administrator." : " is no longer an administrator."));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enabled(@CurrentUserArgument User admin, @PathVariable long id, @RequestParam boolean value,
                   RedirectAttributes redirect) {
        User user = users.setEnabled(Admins.require(admin), id, value);
        Flash.notice(redirect, user.username() + (value ? " is enabled." : " is disabled."));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/delete")
    String delete(@CurrentUserArgument User admin, @PathVariable long id, RedirectAttributes redirect) {
        User user = users.get(id);
        users.delete(Admins.require(admin), id);
        Flash.notice(redirect, "User " + user.username() + " deleted.");
        return "redirect:/admin/users";
    }
}
