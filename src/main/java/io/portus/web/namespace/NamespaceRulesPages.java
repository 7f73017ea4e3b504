package io.portus.web.namespace;

import io.portus.account.User;
import io.portus.namespace.NamespaceService;
import io.portus.rules.NamespaceRulesService;
import io.portus.rules.RulesChange;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /namespaces/:id/rules}: immutable tags (all, or by pattern) and the quota in bytes (empty =
 * unlimited), checked and authorised as through the API; a refused value comes back as the page's alert.
 */
@Controller
class NamespaceRulesPages {

    private final NamespaceService namespaces;
    private final NamespaceRulesService rules;

    NamespaceRulesPages(NamespaceService namespaces, NamespaceRulesService rules) {
        this.namespaces = namespaces;
        this.rules = rules;
    }

    @PostMapping("/namespaces/{id}/rules")
    String save(@CurrentUserArgument User user, @PathVariable long id,
                @RequestParam(name = "immutable_tags", defaultValue = "false") boolean immutableTags,
                @RequestParam(name = "immutable_tags_pattern", defaultValue = "") String pattern,
                @RequestParam(name = "quota_bytes", defaultValue = "") String quota, RedirectAttributes redirect) {
        namespaces.show(user, id);
        rules.apply(rules.check(user, id, new RulesChange(immutableTags, pattern, quota)));
        Flash.notice(redirect, "Rules saved.");
        return "redirect:/namespaces/" + id;
    }
}
