package io.portus.web.admin;

import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/registries}: the built-in registry and external ones. Portus's "New Registry" form: name,
 * hostname with port, use SSL, external hostname; a reachability check ({@code GET /v2/}) and, after a
 * failure, "Skip remote checks".
 */
@Controller
class AdminRegistryPages {

    private final RegistryService registries;

    AdminRegistryPages(RegistryService registries) {
        this.registries = registries;
    }

    @GetMapping("/admin/registries")
    String list(@CurrentUserArgument User admin, Model model) {
        Admins.require(admin);
        model.addAttribute("registries", registries.list());
        return "admin/registries";
    }

    @GetMapping("/admin/registries/new")
    String newForm(@CurrentUserArgument User admin, Model model) {
        Admins.require(admin);
        return form(model, null, new RegistryForm("", "", false, ""), Map.of(), false);
    }

    @PostMapping("/admin/registries")
    String create(@CurrentUserArgument User admin, RegistryForm values,
                  @RequestParam(defaultValue = "false") boolean force, Model model, RedirectAttributes redirect) {
        Admins.require(admin);
        try {
            Registry r = registries.create(admin, values.name(), values.hostname(), values.useSsl(),
                    values.externalHostname(), force);
            Flash.notice(redirect, "Registry " + r.name() + " added. Point its token realm at this Portus.");
            return "redirect:/admin/registries";
        } catch (InvalidInputException e) {
            return form(model, null, values, e.errors(), true);
        }
    }

    @GetMapping("/admin/registries/{id}")
    String edit(@CurrentUserArgument User admin, @PathVariable long id, Model model) {
        Admins.require(admin);
        Registry r = registries.get(id);
        return form(model, r, new RegistryForm(r.name(), r.hostname(), r.useSsl(),
                r.externalHostname() == null ? "" : r.externalHostname()), Map.of(), false);
    }

    @PostMapping("/admin/registries/{id}")
    String update(@CurrentUserArgument User admin, @PathVariable long id, RegistryForm values,
                  @RequestParam(defaultValue = "false") boolean force, Model model, RedirectAttributes redirect) {
        Admins.require(admin);
        Registry current = registries.get(id);
        try {
            Registry r = registries.update(admin, id, values.name(), current.builtin() ? null : values.hostname(),
                    current.builtin() ? null : values.useSsl(), values.externalHostname(), force);
            Flash.notice(redirect, "Registry " + r.name() + " saved.");
            return "redirect:/admin/registries";
        } catch (InvalidInputException e) {
            return form(model, current, values, e.errors(), true);
        }
    }

    private String form(Model model, Registry registry, RegistryForm values, Map<String, List<String>> errors,
                        boolean failed) {
        model.addAttribute("registry", registry);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("offerForce", failed && errors.containsKey("hostname"));
        return "admin/registry_form";
    }
}
