package io.portus.web.help;

import io.portus.account.ExternalAccounts;
import io.portus.account.User;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.web.support.CurrentUserArgument;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /help}: how to log in, push and pull with docker, podman, skopeo, buildah, Helm (OCI charts), Jib and
 * ORAS against this host, written out with the host name and the user's personal namespace.
 */
@Controller
class HelpPages {

    private final NamespaceService namespaces;
    private final ExternalAccounts external;

    HelpPages(NamespaceService namespaces, ExternalAccounts external) {
        this.namespaces = namespaces;
        this.external = external;
    }

    @GetMapping("/help")
    String help(@CurrentUserArgument User user, Model model) {
        String namespace = namespaces.ofMember(user, 0, 50).items().stream().filter(Namespace::personal)
                .map(Namespace::name).findFirst().orElse("NAMESPACE");
        model.addAttribute("namespace", namespace);
        // LDAP/OIDC people log in with an application token unless the directory checks their password (LDAP)
        model.addAttribute("tokenLogin", external.providerOf(user.id()).filter(p -> !"ldap".equals(p)).isPresent());
        return "help/help";
    }
}
