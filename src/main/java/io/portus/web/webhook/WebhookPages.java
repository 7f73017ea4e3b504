package io.portus.web.webhook;

import io.portus.account.User;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.webhook.Webhook;
import io.portus.webhook.WebhookInput;
import io.portus.webhook.WebhookService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /namespaces/{ns}/webhooks}: the webhook service checks every action (team members see, owners manage). */
@Controller
class WebhookPages {

    private final WebhookService webhooks;
    private final NamespaceService namespaces;

    WebhookPages(WebhookService webhooks, NamespaceService namespaces) {
        this.webhooks = webhooks;
        this.namespaces = namespaces;
    }

    @GetMapping("/namespaces/{ns}/webhooks")
    String list(@CurrentUserArgument User user, @PathVariable long ns, Model model) {
        Namespace namespace = namespaces.show(user, ns);
        model.addAttribute("ns", namespace);
        model.addAttribute("webhooks", webhooks.list(user, ns));
        model.addAttribute("manage", webhooks.mayCreate(user, ns));
        return "webhook/list";
    }

    @PostMapping("/namespaces/{ns}/webhooks")
    String create(@CurrentUserArgument User user, @PathVariable long ns, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "POST") String method,
                  @RequestParam(defaultValue = "application/json") String contentType,
                  @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  RedirectAttributes redirect) {
        Webhook w = webhooks.create(user, ns, new WebhookInput(name, url, method, contentType,
                username.isBlank() ? null : username, password.isEmpty() ? null : password, null));
        Flash.notice(redirect, "Webhook " + w.name() + " created. It starts disabled: enable it when ready.");
        return "redirect:/namespaces/" + ns + "/webhooks/" + w.id();
    }

    @GetMapping("/namespaces/{ns}/webhooks/{id}")
    String show(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id, Model model) {
        model.addAttribute("ns", namespaces.show(user, ns));
        model.addAttribute("webhook", webhooks.get(user, ns, id));
        model.addAttribute("deliveries", webhooks.deliveries(user, ns, id));
        model.addAttribute("manage", webhooks.mayManage(user, ns));
        return "webhook/show";
    }

    /** Changes the settings; an empty password keeps the current one, {@code clear_password} removes it. */
    @PostMapping("/namespaces/{ns}/webhooks/{id}")
    String update(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
                  @RequestParam(defaultValue = "POST") String method,
                  @RequestParam(defaultValue = "application/json") String contentType,
                  @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(name = "clear_password", defaultValue = "false") boolean clearPassword,
                  RedirectAttributes redirect) {
        Webhook w = webhooks.update(user, ns, id, new WebhookInput(name, url, method, contentType, username,
                clearPassword ? "" : password.isEmpty() ? null : password, null));
        Flash.notice(redirect, "Webhook " + w.name() + " saved.");
        return "redirect:/namespaces/" + ns + "/webhooks/" + id;
    }

    @PostMapping("/namespaces/{ns}/webhooks/{id}/toggle")
    String toggle(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id, RedirectAttributes redirect) {
        Webhook w = webhooks.toggleEnabled(user, ns, id);
        Flash.notice(redirect, "Webhook " + w.name() + (w.enabled() ? " enabled." : " disabled."));
        return "redirect:/namespaces/" + ns + "/webhooks/" + id;
    }

    @PostMapping("/namespaces/{ns}/webhooks/{id}/delete")
    String delete(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id, RedirectAttributes redirect) {
        webhooks.delete(user, ns, id);
        Flash.notice(redirect, "Webhook deleted.");
        return "redirect:/namespaces/" + ns + "/webhooks";
    }

    @PostMapping("/namespaces/{ns}/webhooks/{id}/headers")
    String addHeader(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id,
                     @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String value,
                     RedirectAttributes redirect) {
        webhooks.addHeader(user, ns, id, name, value);
        Flash.notice(redirect, "Header " + name + " added.");
        return "redirect:/namespaces/" + ns + "/webhooks/" + id;
    }

    @PostMapping("/namespaces/{ns}/webhooks/{id}/headers/{headerId}/delete")
    String removeHeader(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id,
                        @PathVariable long headerId, RedirectAttributes redirect) {
        webhooks.removeHeader(user, ns, id, headerId);
        Flash.notice(redirect, "Header removed.");
        return "redirect:/namespaces/" + ns + "/webhooks/" + id;
    }

    @PostMapping("/namespaces/{ns}/webhooks/{id}/deliveries/{deliveryId}/resend")
    String resend(@CurrentUserArgument User user, @PathVariable long ns, @PathVariable long id,
                  @PathVariable long deliveryId, RedirectAttributes redirect) {
        webhooks.resend(user, ns, id, deliveryId);
        Flash.notice(redirect, "Delivery queued again.");
        return "redirect:/namespaces/" + ns + "/webhooks/" + id;
    }
}
