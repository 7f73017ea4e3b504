package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.auth.policy.ActorKind;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.UserAction;
import io.portus.common.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.time.Duration;
import java.util.Optional;

/**
 * Resolves {@link ApiActor} parameters from {@code Portus-Auth: <username>:<application token>} (the
 * header name is case-insensitive, so Rails' {@code PORTUS-AUTH} works too). A wrong header counts towards the
 * client address' throttle ({@link AuthThrottle}); while the address is throttled every header gets 429. An expired
 * token is refused like a wrong one (401); a scoped token is for the registry only and gets 403 here, so it can never
 * do through the API what its scope forbids.
 */
class ApiActorResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "Portus-Auth";
    static final String SCOPED_TOKEN = "This application token is scoped to registry access (docker pull/push); "
            + "the REST API needs a token without a scope";

    private final ApplicationTokenService tokens;
    private final AuthThrottle throttle;

    ApiActorResolver(ApplicationTokenService tokens, AuthThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ApiActor.class) && parameter.getParameterType() == User.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        String header = request.getHeader(HEADER);
        if (header == null) {
            throw new ApiAuthenticationException();
        }
        String address = request.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest http
                ? http.getRemoteAddr() : null;
        throttle.throttled(address).ifPresent(wait -> {
            throw new ApiThrottledException(wait);
        });
        int colon = header.indexOf(':');
        Optional<ApplicationTokenService.TokenLogin> found = colon <= 0 ? Optional.empty()
                : tokens.authenticateToken(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        if (found.isEmpty()) {
            Optional<Duration> wait = throttle.failed(address);
            throw wait.isPresent() ? new ApiThrottledException(wait.get()) : new ApiAuthenticationException();
        }
        tokens.used(found.get().token(), address);
        if (found.get().token().scope() != null) {
            throw new ForbiddenException(SCOPED_TOKEN);
        }
        User user = found.get().user();
        ApiActor actor = parameter.getParameterAnnotation(ApiActor.class);
        if (actor != null && actor.admin() && !Policy.allows(UserAction.ADMINISTER, ActorKind.of(user))) {
            throw new ForbiddenException("Authorization fails");
        }
        return user;
    }
}
