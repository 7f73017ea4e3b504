package io.portus.web.support;

import io.portus.account.User;
import io.portus.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.Optional;

/**
 * Portus's {@code force_update_profile!}: a person whose account has no email (an LDAP entry without one, see
 * the README's LDAP section) is sent to the profile page to add it before using the other pages. Only page
 * views (GET) are redirected; the profile, sign-out and every form post keep working.
 */
final class MissingEmailInterceptor implements HandlerInterceptor {

    static final String MESSAGE = "Please add your email address: Portus needs it for notifications and password help.";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/profile") || path.startsWith("/users/")) {
            return true;
        }
        Optional<User> user = CurrentUser.of(request);
        if (user.isEmpty() || user.get().bot() || (user.get().email() != null && !user.get().email().isBlank())) {
            return true;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(Flash.ALERT, MESSAGE);
        RequestContextUtils.saveOutputFlashMap("/profile", request, response);
        response.sendRedirect(request.getContextPath() + "/profile");
        return false;
    }
}
