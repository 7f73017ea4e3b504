package io.portus.web.support;

import io.portus.account.User;
import io.portus.common.ForbiddenException;
import io.portus.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUserArgument} parameters. */
final class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUserArgument.class) && parameter.getParameterType() == User.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        User user = http == null ? null : CurrentUser.of(http).orElse(null);
        CurrentUserArgument annotation = parameter.getParameterAnnotation(CurrentUserArgument.class);
        if (user == null && annotation != null && annotation.required()) {
            throw new ForbiddenException("Sign in first");
        }
        return user;
    }
}
