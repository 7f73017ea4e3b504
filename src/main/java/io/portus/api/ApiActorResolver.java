package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.auth.policy.ActorKind;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.UserAction;
import io.portus.common.ForbiddenException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link ApiActor} parameters from {@code Portus-Auth: <username>:<application token>} (the
 * header name is case-insensitive, so Rails' {@code PORTUS-AUTH} works too).
 */
class ApiActorResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "Portus-Auth";

    private final ApplicationTokenService tokens;

    ApiActorResolver(ApplicationTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ApiActor.class) && parameter.getParameterType() == User.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        String header = request.getHeader(HEADER);
        int colon = header == null ? -1 : header.indexOf(':');
        if (colon <= 0) {
            throw new ApiAuthenticationException();
        }
        User user = tokens.authenticate(header.substring(0, colon).trim(), header.substring(colon + 1).trim())
                .orElseThrow(ApiAuthenticationException::new);
        ApiActor actor = parameter.getParameterAnnotation(ApiActor.class);
        if (actor != null && actor.admin() && !Policy.allows(UserAction.ADMINISTER, ActorKind.of(user))) {
            throw new ForbiddenException("Authorization fails");
        }
        return user;
    }
}
