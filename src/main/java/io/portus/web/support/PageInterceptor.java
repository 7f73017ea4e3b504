package io.portus.web.support;

import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.registry.RequestHost;
import io.portus.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds the {@link Page} context to every rendered UI view (Boot's error pages included; views made by
 * exception handlers get it from {@link WebErrors}, since Spring skips {@code postHandle} after an exception).
 */
@Component
final class PageInterceptor implements HandlerInterceptor {

    private final UiSettings settings;
    private final RegistryService registries;

    PageInterceptor(UiSettings settings, RegistryService registries) {
        this.settings = settings;
        this.registries = registries;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
            return;
        }
        mav.addObject("page", page(request));
    }

    Page page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new Page(CurrentUser.of(request).orElse(null), csrf == null ? null : csrf.getParameterName(),
                csrf == null ? null : csrf.getToken(), path, flashes(request), settings, registryHost(request));
    }

    /**
     * The host in the docker commands: the registry's external hostname when it has one; for the built-in
     * registry otherwise the host this page was requested on (it serves both; behind a trusted proxy, the
     * forwarded host and port), so the commands work from where the user is.
     */
    private String registryHost(HttpServletRequest request) {
        Optional<Registry> builtin = registries.builtin();
        if (builtin.isPresent() && blank(builtin.get().externalHostname())) {
            String here = RequestHost.hostAndPort(request);
            if (here != null) {
                return here;
            }
        }
        return builtin.or(() -> registries.list().stream().findFirst())
                .map(PageInterceptor::dockerHost).orElse("localhost:5000");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The host docker clients use for a registry (its external hostname when it has one). */
    static String dockerHost(Registry r) {
        return r.externalHostname() != null && !r.externalHostname().isBlank() ? r.externalHostname() : r.hostname();
    }

    private static List<Flash> flashes(HttpServletRequest request) {
        Map<String, ?> in = RequestContextUtils.getInputFlashMap(request);
        List<Flash> out = new ArrayList<>();
        if (in != null) {
            if (in.get(Flash.NOTICE) instanceof String s) {
                out.add(new Flash("success", s));
            }
            if (in.get(Flash.ALERT) instanceof String s) {
                out.add(new Flash("danger", s));
            }
        }
        return out;
    }
}
