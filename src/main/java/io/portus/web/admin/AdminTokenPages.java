package io.portus.web.admin;

import io.portus.account.ApplicationToken;
import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.common.PageQuery;
import io.portus.common.Slice;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/application_tokens}: every user's application tokens, newest first (owner, application, scope,
 * created, expires, last used and from where), each with Revoke.
 */
@Controller
class AdminTokenPages {

    private final ApplicationTokenService tokens;
    private final UiSettings settings;

    AdminTokenPages(ApplicationTokenService tokens, UiSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @GetMapping("/admin/application_tokens")
    String list(@CurrentUserArgument User admin, @RequestParam(defaultValue = "0") int offset,
                HttpServletRequest request, Model model) {
        Admins.require(admin);
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(settings.perPage());
        Slice<ApplicationToken> page = Slice.of(tokens.listAll(admin, new PageQuery(o, l + 1, "id", false)).items(), o, l);
        model.addAttribute("tokens", page);
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request), settings.beforeAfter()));
        return "admin/tokens";
    }

    @PostMapping("/admin/application_tokens/{id}/revoke")
    String revoke(@CurrentUserArgument User admin, @PathVariable long id, RedirectAttributes redirect) {
        ApplicationToken token = tokens.revoke(Admins.require(admin), id);
        Flash.notice(redirect, "Token " + token.application() + " of " + token.ownerName() + " revoked.");
        return "redirect:/admin/application_tokens";
    }
}
